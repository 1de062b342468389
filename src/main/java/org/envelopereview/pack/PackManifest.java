package org.envelopereview.pack;

import java.util.List;

/**
 * What {@code manifest.json} records about one pack: the SHA-256 of every input and
 * output, of every audit-trail file the period's actions came from, the software version
 * and the signer. Deterministic but for the run id and number and the chain verification
 * (what this run verified, from which earlier run's checkpoints, and when): the same
 * inputs, software, key and checkpoints give the same manifest.
 *
 * @param format the manifest format, {@code envelope-review-manifest/v1}
 * @param pack the file name of the signed pack the manifest belongs to
 */
record PackManifest(String format, String board, String boardName, Period period, Run run, String softwareVersion,
		Signer signer, String pack, List<FileDigest> inputs, List<FileDigest> outputs, List<SourceFile> sources,
		ChainVerification chainVerification) {

	static final String FORMAT = "envelope-review-manifest/v1";

	PackManifest {
		inputs = List.copyOf(inputs);
		outputs = List.copyOf(outputs);
		// packs written before sources were listed have none
		sources = (sources != null) ? List.copyOf(sources) : List.of();
	}

	/**
	 * A manifest with nothing recorded about the chain verification (decision records).
	 */
	PackManifest(String format, String board, String boardName, Period period, Run run, String softwareVersion,
			Signer signer, String pack, List<FileDigest> inputs, List<FileDigest> outputs, List<SourceFile> sources) {
		this(format, board, boardName, period, run, softwareVersion, signer, pack, inputs, outputs, sources, null);
	}

	/** The review window, start inclusive and end exclusive, ISO-8601 UTC. */
	record Period(String label, String start, String end) {
	}

	/** The review run that produced the pack. */
	record Run(long id, int number) {
	}

	/**
	 * Who signs the pack.
	 *
	 * @param certificateSha256 SHA-256 of the DER signing certificate, lower-case hex
	 * @param signatureLevel the PAdES baseline level the pack was signed at ({@code B-B},
	 * {@code B-T}, {@code B-LTA}); {@code null} in packs written before levels were
	 * recorded
	 */
	record Signer(String subject, String certificateSha256, boolean developmentKey, String signatureLevel) {

		Signer(String subject, String certificateSha256, boolean developmentKey) {
			this(subject, certificateSha256, developmentKey, null);
		}

	}

	/**
	 * A named file or data set and its SHA-256 (lower-case hex).
	 *
	 * @param size bytes, or {@code null} for inputs that are not single files
	 */
	record FileDigest(String name, String sha256, Long size) {
	}

	/**
	 * An ingested audit-trail file that contributed to the pack's period, as ingest named
	 * it, with its SHA-256 and what it contributed, so that an auditor can tie the pack
	 * to its trail files.
	 *
	 * @param actions actions of the period
	 * @param quarantined quarantined records the pack shows
	 * @param notReviewed write events not reviewed in the period
	 */
	record SourceFile(String name, String sha256, long actions, long quarantined, long notReviewed) {
	}

	/**
	 * What the run's audit-trail verification covered (findings.json's
	 * {@code auditTrail.chainVerification}, with run ids and times): every chain from seq
	 * 1, or each agent from the checkpoint an earlier run verified.
	 *
	 * @param scope {@code full} or {@code since-checkpoints}
	 * @param fullBecause why it was full, or {@code null}
	 * @param checkpointsOf the run whose checkpoint set it started from (or, when full,
	 * checked on the way), or {@code null}
	 * @param checkpointsOfSha256 SHA-256 of that set as the run read it: lines
	 * {@code agent|seq|hash}, each ending with a line feed, sorted by their UTF-8 bytes;
	 * an auditor compares it with {@code checkpointsWrittenSha256} in that run's manifest
	 * @param checkpointsAltered the set no longer had the digest its run recorded
	 * @param rowsBeforeCheckpointsNotReread rows before the checkpoints, vouched for by
	 * the run that verified them and not read again
	 * @param checkpointsWrittenSha256 SHA-256 of the set this run wrote, the same way
	 * @param lastFullVerification the last full verification up to this run (this run
	 * itself when full), with the breaks it found
	 */
	record ChainVerification(String scope, String fullBecause, RunVerification checkpointsOf,
			String checkpointsOfSha256, Boolean checkpointsAltered, long rowsChecked, long agents,
			long agentsFromCheckpoint, long rowsBeforeCheckpointsNotReread, long breaks, long checkpointsWritten,
			String checkpointsWrittenSha256, RunVerification lastFullVerification, Long lastFullVerificationBreaks,
			int fullVerificationEvery, String verifiedAt) {
	}

	/**
	 * A run that verified the chains: its id and number, its period and when it verified
	 * them (ISO-8601 UTC).
	 */
	record RunVerification(long id, String period, int number, String verifiedAt) {
	}

}
