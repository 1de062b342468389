package org.envelopereview.decision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jdbi.v3.core.Jdbi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

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

	private static final ObjectMapper JSON = JsonMapper.builder().build();

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

	/**
	 * The answer the run's recommendation suggests for each envelope of the board (SPEC
	 * §9), as comment lines for the template: keep suggests re-approve, narrow suggests
	 * revise with the narrowed envelope as the required change, retire suggests retire.
	 */
	Map<String, List<String>> suggestedAnswers(long runId, String boardId) {
		Map<String, List<String>> suggested = new TreeMap<>();
		for (DecisionDao.RecommendationRow row : this.jdbi.withExtension(DecisionDao.class,
				(dao) -> dao.recommendations(runId, boardId))) {
			JsonNode detail = JSON.readTree(row.detail());
			List<String> lines = new ArrayList<>();
			switch (row.outcome()) {
				case "keep" -> lines.add("recommended: keep — suggested decision: re-approve");
				case "narrow" -> {
					lines.add("recommended: narrow — suggested decision: revise, requiredChange:");
					detail.get("proposal").forEach((line) -> lines.add("- " + line.asString()));
				}
				case "retire" -> {
					lines.add("recommended: retire — suggested decision: retire, because:");
					detail.get("reasons").forEach((line) -> lines.add("- " + line.asString()));
				}
				default -> lines.add("recommended: " + row.outcome());
			}
			suggested.put(row.envelopeId(), lines);
		}
		return suggested;
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
