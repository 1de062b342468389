package org.envelopereview.decision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jdbi.v3.core.Jdbi;

import org.envelopereview.envelope.Board;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.envelope.EnvelopeLoader;
import org.envelopereview.finding.Finding;
import org.envelopereview.system.ReviewPaths;
import org.envelopereview.system.Sha256;

import org.springframework.stereotype.Component;

/**
 * Finds the pack a board answers: the completed run of the period that reviewed the
 * board, the envelopes its pack asked about, and the signed pack file in the output
 * directory with its SHA-256.
 */
@Component
class AnsweredPacks {

	/** The pack's file name in {@code out/<period>/<board>/}. */
	static final String PACK = "review-pack.pdf";

	private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

	private final Jdbi jdbi;

	private final ReviewPaths paths;

	private final EnvelopeLoader loader;

	private final RequestedDecisions requested;

	AnsweredPacks(Jdbi jdbi, ReviewPaths paths, EnvelopeLoader loader, RequestedDecisions requested) {
		this.jdbi = jdbi;
		this.paths = paths;
		this.loader = loader;
		this.requested = requested;
	}

	EnvelopeCatalog catalog() {
		return this.loader.load(this.paths.envelopesDir());
	}

	Optional<DecisionDao.PackRun> latestRun(String period, String boardId) {
		return this.jdbi.withExtension(DecisionDao.class, (dao) -> dao.latestPackRun(period, boardId));
	}

	Optional<DecisionDao.PackRun> run(String period, int runNumber) {
		return this.jdbi.withExtension(DecisionDao.class, (dao) -> dao.packRun(period, runNumber));
	}

	/**
	 * The envelopes the run's pack asked the board about, with the codes of its reasons.
	 */
	Map<String, List<Finding>> requested(long runId, String boardId) {
		return this.requested.of(runId, boardId);
	}

	/** Every envelope id the run read and the files declare now, of any board. */
	Set<String> known(long runId, EnvelopeCatalog catalog) {
		Set<String> known = new TreeSet<>(this.requested.envelopesOf(runId, null));
		catalog.envelopes().stream().map(Envelope::id).forEach(known::add);
		return known;
	}

	/** {@code out/<period>/<board>/review-pack.pdf}. */
	Path packFile(String period, String boardId) {
		for (String segment : List.of(period, boardId)) {
			if (!SAFE_SEGMENT.matcher(segment).matches() || segment.contains("..")) {
				throw new IllegalArgumentException("'" + segment + "' cannot name a pack directory");
			}
		}
		return this.paths.outputDir().resolve(period).resolve(boardId).resolve(PACK);
	}

	/** The SHA-256 of the file, or {@code null} when it is missing. */
	static String sha256(Path file) {
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try {
			return Sha256.hex(Files.readAllBytes(file));
		}
		catch (IOException ex) {
			return null;
		}
	}

	static Optional<Board> board(EnvelopeCatalog catalog, String boardId) {
		return catalog.directory().board(boardId);
	}

	/** Relative to the working directory when inside it, as a person would type it. */
	static String shown(Path path) {
		Path here = Path.of("").toAbsolutePath();
		Path absolute = path.toAbsolutePath().normalize();
		return (absolute.startsWith(here) ? here.relativize(absolute) : path).toString();
	}

}
