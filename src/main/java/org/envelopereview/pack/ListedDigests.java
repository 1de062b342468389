package org.envelopereview.pack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.envelopereview.review.output.BoardReview.EnvelopeReview;

/**
 * The digests the cover and the appendix print (SPEC §9): every input of a review with
 * few; of a review with many envelope files (every board's files are inputs of every
 * pack), the action set, boards.yaml and a few envelope files, then a line that says the
 * rest are in manifest.json, which keeps every one.
 */
final class ListedDigests {

	/** Up to this many inputs are all listed: the demo's fourteen, and a page's worth. */
	static final int ALL_UP_TO = 16;

	/**
	 * Envelope files listed when there are more inputs: those of envelopes with a section
	 * first.
	 */
	static final int ENVELOPE_FILES = 5;

	/** Audit-trail source files the appendix lists before it counts the rest. */
	static final int SOURCES = 20;

	private static final String ENVELOPES = "envelopes/";

	private static final String BOARDS = ENVELOPES + "boards.yaml";

	private ListedDigests() {
	}

	/**
	 * The inputs to print, in the manifest's order: all of them, or the ones that are not
	 * envelope files, boards.yaml and {@value #ENVELOPE_FILES} envelope files, those of
	 * {@code first} (envelopes with a section) before the others.
	 */
	static List<PackManifest.FileDigest> inputs(List<PackManifest.FileDigest> inputs, List<EnvelopeReview> first) {
		if (inputs.size() <= ALL_UP_TO) {
			return inputs;
		}
		List<String> preferred = first.stream().map((envelope) -> fileName(envelope.sourceFile())).toList();
		List<PackManifest.FileDigest> envelopeFiles = inputs.stream()
			.filter((input) -> envelopeFile(input.name()))
			.sorted(Comparator.comparingInt((PackManifest.FileDigest input) -> {
				int rank = preferred.indexOf(fileName(input.name()));
				return (rank >= 0) ? rank : Integer.MAX_VALUE;
			}))
			.limit(ENVELOPE_FILES)
			.toList();
		List<PackManifest.FileDigest> listed = new ArrayList<>();
		for (PackManifest.FileDigest input : inputs) {
			if (!envelopeFile(input.name()) || envelopeFiles.contains(input)) {
				listed.add(input);
			}
		}
		return listed;
	}

	/** The line under a list that left inputs out, or {@code null}. */
	static String moreInputs(List<PackManifest.FileDigest> inputs, List<PackManifest.FileDigest> listed) {
		long left = inputs.size() - listed.size();
		if (left == 0) {
			return null;
		}
		boolean allEnvelopeFiles = inputs.stream()
			.filter((input) -> !listed.contains(input))
			.allMatch((input) -> envelopeFile(input.name()));
		return "and " + Rows.counted(left, allEnvelopeFiles ? "more envelope file" : "more input")
				+ " — every digest is in manifest.json (attached to this pack).";
	}

	/** The audit-trail source files to print: the first {@value #SOURCES}. */
	static List<PackManifest.FileDigest> sources(List<PackManifest.FileDigest> sources) {
		return sources.subList(0, Math.min(SOURCES, sources.size()));
	}

	/** The line under the source files when some were left out, or {@code null}. */
	static String moreSources(List<PackManifest.FileDigest> sources) {
		if (sources.size() <= SOURCES) {
			return null;
		}
		return "and " + Rows.counted(sources.size() - SOURCES, "more source file")
				+ " — every one, with its SHA-256 and what it contributed, is in manifest.json (sources) and "
				+ "findings.json (auditTrail.sources), attached to this pack.";
	}

	private static boolean envelopeFile(String name) {
		return name.startsWith(ENVELOPES) && !name.equals(BOARDS);
	}

	private static String fileName(String path) {
		return (path != null) ? path.substring(path.lastIndexOf('/') + 1) : "";
	}

}
