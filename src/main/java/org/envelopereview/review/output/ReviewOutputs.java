package org.envelopereview.review.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.action.chain.ChainVerification;
import org.envelopereview.action.chain.IntegrityReport;
import org.envelopereview.finding.Finding;
import org.envelopereview.finding.Severity;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.period.Period;
import org.envelopereview.review.recommend.Recommendation;
import org.envelopereview.review.recommend.Recommendations;
import org.envelopereview.review.run.RunInputs;
import org.envelopereview.system.ReviewPaths;
import org.envelopereview.system.SoftwareVersion;

import org.springframework.stereotype.Component;

/**
 * Writes a board's {@code findings.json} (byte-identical for identical inputs: sorted, no
 * run ids or clock values), {@code findings.csv} and {@code run.json} (the run's
 * metadata) under {@code out/<period>/<board>/}. Files an earlier run left there are
 * moved to {@code runs/<n>/} first, never overwritten.
 */
@Component
public class ReviewOutputs {

	static final String FINDINGS_JSON = "findings.json";

	static final String FINDINGS_CSV = "findings.csv";

	static final String RUN_JSON = "run.json";

	static final String ARCHIVE = "runs";

	private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final ObjectWriter PRETTY = JSON.writer()
		.with(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
			.withArrayIndenter(new DefaultIndenter("  ", "\n")));

	private final ReviewPaths paths;

	ReviewOutputs(ReviewPaths paths) {
		this.paths = paths;
	}

	/** {@code out/<period>/}. */
	public Path periodDir(Period period) {
		return boardDir(period, "board").getParent();
	}

	/** {@code out/<period>/<board>/}, resolved safely inside the output directory. */
	Path boardDir(Period period, String boardId) {
		Path root = this.paths.outputDir().toAbsolutePath().normalize();
		for (String segment : List.of(period.label(), boardId)) {
			if (!SAFE_SEGMENT.matcher(segment).matches() || segment.contains("..")) {
				throw new IllegalArgumentException("'" + segment + "' cannot name an output directory");
			}
		}
		Path dir = root.resolve(period.label()).resolve(boardId).normalize();
		if (!dir.startsWith(root)) {
			throw new IllegalArgumentException(dir + " lies outside the output directory " + root);
		}
		return dir;
	}

	/**
	 * Writes one board's files.
	 * @return what was moved aside, if anything, as a sentence for the summary
	 */
	Optional<String> write(RunInputs inputs, String boardId, boolean receivesUnassigned, List<StoredFinding> findings) {
		return write(inputs, boardId, receivesUnassigned, findings, null);
	}

	/**
	 * Writes one board's files, findings.json with the audit-trail facts every board's
	 * pack shows.
	 * @param auditTrail what the period's audit trail held beyond its actions, or
	 * {@code null} to leave it out
	 * @return what was moved aside, if anything, as a sentence for the summary
	 */
	Optional<String> write(RunInputs inputs, String boardId, boolean receivesUnassigned, List<StoredFinding> findings,
			Map<String, Object> auditTrail) {
		return write(inputs, boardId, receivesUnassigned, findings, auditTrail, List.of());
	}

	/**
	 * Writes one board's files, findings.json with the audit-trail facts and a
	 * recommendation per envelope of the board (SPEC §9: not findings, so the counts
	 * leave them out).
	 * @return what was moved aside, if anything, as a sentence for the summary
	 */
	Optional<String> write(RunInputs inputs, String boardId, boolean receivesUnassigned, List<StoredFinding> findings,
			Map<String, Object> auditTrail, List<Recommendation> recommendations) {
		Path dir = boardDir(inputs.period(), boardId);
		List<Path> written = new ArrayList<>();
		try {
			Files.createDirectories(dir);
			Optional<String> archived = archiveEarlierRun(dir, inputs.runNumber());
			write(dir.resolve(FINDINGS_JSON), PRETTY.writeValueAsString(findingsDocument(inputs.period(), boardId,
					receivesUnassigned, findings, auditTrail, recommendations)) + "\n", written);
			write(dir.resolve(FINDINGS_CSV), FindingsCsv.render(findings), written);
			write(dir.resolve(RUN_JSON), PRETTY.writeValueAsString(runDocument(inputs, boardId, findings)) + "\n",
					written);
			return archived;
		}
		catch (IOException ex) {
			// a board's files are a set: none of this attempt's stay beside a missing one
			deleteQuietly(written, ex);
			throw new UncheckedIOException(
					"cannot write the findings of board " + boardId + " to " + dir + ": " + ex.getMessage(), ex);
		}
	}

	private static Map<String, Object> findingsDocument(Period period, String boardId, boolean receivesUnassigned,
			List<StoredFinding> findings, Map<String, Object> auditTrail, List<Recommendation> recommendations) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("period", period.label());
		document.put("periodStart", period.start().toString());
		document.put("periodEnd", period.end().toString());
		document.put("board", boardId);
		document.put("receivesUnassigned", receivesUnassigned);
		document.put("counts", counts(findings));
		document.put("findings", findings.stream().map(ReviewOutputs::findingDocument).toList());
		if (auditTrail != null) {
			document.put("auditTrail", auditTrail);
		}
		if (!recommendations.isEmpty()) {
			document.put("envelopes",
					recommendations.stream()
						.sorted(java.util.Comparator.comparing(Recommendation::envelopeId))
						.map((recommendation) -> {
							Map<String, Object> envelope = new LinkedHashMap<>();
							envelope.put("envelope", recommendation.envelopeId());
							envelope.put("recommendation", Recommendations.document(recommendation));
							return envelope;
						})
						.toList());
		}
		return document;
	}

	/**
	 * What findings.json says of the audit trail beyond its actions: the quarantined
	 * records the packs show (of the period, and those with no time this run reports
	 * once), the period's write events not reviewed, the withdrawals this run reports and
	 * the source files the period came from. The same for every board.
	 */
	static Map<String, Object> auditTrailDocument(List<BoardReview.QuarantinedRecord> quarantined,
			BoardReview.TrailInputs trail) {
		return auditTrailDocument(quarantined, trail, null);
	}

	/**
	 * What findings.json says of the audit trail, with what the run's chain verification
	 * covered when {@code integrity} records it.
	 */
	static Map<String, Object> auditTrailDocument(List<BoardReview.QuarantinedRecord> quarantined,
			BoardReview.TrailInputs trail, IntegrityReport integrity) {
		Map<String, Object> document = new LinkedHashMap<>();
		Map<String, Object> quarantine = new LinkedHashMap<>();
		long withoutTime = quarantined.stream().filter((record) -> record.occurredAt() == null).count();
		quarantine.put("inPeriod", quarantined.size() - withoutTime);
		quarantine.put("withoutTimeReportedOnce", withoutTime);
		document.put("quarantined", quarantine);
		document.put("notReviewed", trail.notReviewed().stream().map((event) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("eventName", event.eventName());
			row.put("events", event.events());
			row.put("firstDay", event.firstDay().toString());
			row.put("lastDay", event.lastDay().toString());
			return row;
		}).toList());
		document.put("withdrawals", trail.withdrawals().stream().map((withdrawal) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("source", withdrawal.sourceName());
			row.put("sha256", withdrawal.sha256());
			row.put("withdrawnAt", withdrawal.withdrawnAt().toString());
			row.put("withdrawnBy", withdrawal.withdrawnBy());
			row.put("reason", withdrawal.reason());
			row.put("actionsRemoved", withdrawal.actionsRemoved());
			row.put("quarantinedRemoved", withdrawal.quarantinedRemoved());
			row.put("notReviewedRemoved", withdrawal.notReviewedRemoved());
			return row;
		}).toList());
		document.put("sources", trail.sources().stream().map((source) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", source.name());
			row.put("sha256", source.sha256());
			row.put("actions", source.actions());
			row.put("quarantined", source.quarantined());
			row.put("notReviewed", source.notReviewed());
			return row;
		}).toList());
		if (integrity != null && integrity.verification() != null) {
			document.put("chainVerification", chainVerificationDocument(integrity));
		}
		return document;
	}

	/**
	 * What the run's chain verification covered: runs are named by period and number and
	 * no clock value is written, so the same history and the same runs before give the
	 * same bytes on either database.
	 */
	static Map<String, Object> chainVerificationDocument(IntegrityReport integrity) {
		ChainVerification verification = integrity.verification();
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("scope", verification.scope().label());
		if (verification.fullBecause() != null) {
			document.put("fullBecause", verification.fullBecause().label());
		}
		if (verification.checkpointsOf() != null) {
			Map<String, Object> basis = new LinkedHashMap<>();
			basis.put("period", verification.checkpointsOf().period());
			basis.put("run", verification.checkpointsOf().runNumber());
			basis.put("sha256", verification.checkpointsOfSha256());
			basis.put("altered", verification.checkpointsAltered());
			document.put("checkpointsOf", basis);
		}
		document.put("rowsChecked", verification.rowsChecked());
		document.put("agents", verification.agents());
		document.put("agentsFromCheckpoint", verification.agentsFromCheckpoint());
		document.put("rowsBeforeCheckpointsNotReread", verification.rowsBeforeCheckpoints());
		document.put("breaks", integrity.breaks().size());
		Map<String, Object> written = new LinkedHashMap<>();
		written.put("agents", verification.checkpointsWritten());
		written.put("sha256", verification.checkpointsWrittenSha256());
		document.put("checkpointsWritten", written);
		if (verification.lastFull() != null) {
			Map<String, Object> lastFull = new LinkedHashMap<>();
			lastFull.put("period", verification.lastFull().period());
			lastFull.put("run", verification.lastFull().runNumber());
			lastFull.put("breaks", verification.lastFullBreaks());
			document.put("lastFullVerification", lastFull);
		}
		document.put("fullVerificationEvery", verification.fullEvery());
		return document;
	}

	private static Map<String, Integer> counts(List<StoredFinding> findings) {
		Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
		for (Severity severity : Severity.values()) {
			bySeverity.put(severity, 0);
		}
		findings.forEach((stored) -> bySeverity.merge(stored.finding().severity(), 1, Integer::sum));
		Map<String, Integer> counts = new LinkedHashMap<>();
		bySeverity.forEach((severity, count) -> counts.put(severity.label(), count));
		counts.put("total", findings.size());
		return counts;
	}

	private static Map<String, Object> findingDocument(StoredFinding stored) {
		Finding finding = stored.finding();
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("code", finding.code().code());
		document.put("severity", finding.severity().label());
		document.put("board", finding.boardId());
		document.put("unassigned", finding.unassigned());
		document.put("envelope", finding.envelopeId());
		document.put("action", finding.actionId());
		document.put("explanation", finding.explanation());
		document.put("evidence", finding.evidence());
		document.put("controls", finding.controls());
		document.put("key", stored.key());
		return document;
	}

	private static Map<String, Object> runDocument(RunInputs inputs, String boardId, List<StoredFinding> findings) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("period", inputs.period().label());
		document.put("board", boardId);
		document.put("runId", inputs.runId());
		document.put("runNumber", inputs.runNumber());
		document.put("findings", findings.size());
		document.put("software", SoftwareVersion.current());
		document.put("writtenAt", java.time.Instant.now().toString());
		return document;
	}

	/**
	 * Moves files of an earlier run of the period into {@code runs/<n>/}; files of this
	 * very run (a re-executed step) are simply replaced.
	 */
	private static Optional<String> archiveEarlierRun(Path dir, int runNumber) throws IOException {
		List<Path> entries;
		try (Stream<Path> list = Files.list(dir)) {
			entries = list.filter((path) -> !path.getFileName().toString().equals(ARCHIVE)).sorted().toList();
		}
		if (entries.isEmpty()) {
			return Optional.empty();
		}
		Optional<Integer> earlier = runNumberOf(dir.resolve(RUN_JSON));
		if (earlier.isPresent() && earlier.get() == runNumber) {
			return Optional.empty();
		}
		String name = earlier.map(String::valueOf).orElse("unnumbered");
		Path target = dir.resolve(ARCHIVE).resolve(name);
		for (int suffix = 2; Files.exists(target); suffix++) {
			target = dir.resolve(ARCHIVE).resolve(name + "-" + suffix);
		}
		Files.createDirectories(target);
		List<String> moved = new ArrayList<>();
		for (Path entry : entries) {
			Files.move(entry, target.resolve(entry.getFileName()), StandardCopyOption.ATOMIC_MOVE);
			moved.add(entry.getFileName().toString());
		}
		return Optional.of("moved " + String.join(", ", moved) + " of "
				+ earlier.map((n) -> "run " + n).orElse("an earlier run") + " to " + target);
	}

	private static Optional<Integer> runNumberOf(Path runJson) {
		if (!Files.isRegularFile(runJson)) {
			return Optional.empty();
		}
		try {
			JsonNode node = JSON.readTree(Files.readString(runJson, StandardCharsets.UTF_8));
			JsonNode number = node.get("runNumber");
			return (number != null && number.canConvertToInt()) ? Optional.of(number.asInt()) : Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Writes to {@code <name>.partial}, then moves it into place; a failed write (a full
	 * disk) deletes the partial file and names the file in its message.
	 */
	private static void write(Path file, String text, List<Path> written) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try {
			Files.writeString(partial, text, StandardCharsets.UTF_8);
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			written.add(file);
		}
		catch (IOException ex) {
			IOException failure = new IOException(
					file.getFileName() + ": " + Objects.requireNonNullElse(ex.getMessage(), ex.toString()), ex);
			deleteQuietly(List.of(partial), failure);
			throw failure;
		}
	}

	private static void deleteQuietly(List<Path> files, IOException failure) {
		for (Path file : files) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				failure.addSuppressed(ex);
			}
		}
	}

}
