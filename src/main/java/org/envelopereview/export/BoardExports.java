package org.envelopereview.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.envelopereview.decision.DecisionChecks;
import org.envelopereview.decision.DecisionProperties;
import org.envelopereview.envelope.Board;
import org.envelopereview.finding.FindingStore;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.period.Period;
import org.envelopereview.review.run.ReviewRuns;
import org.envelopereview.review.run.RunInputs;
import org.envelopereview.system.Sha256;
import org.envelopereview.system.SoftwareVersion;

import org.springframework.stereotype.Component;

/**
 * Writes a board's exports (SPEC §10) beside its findings.json and findings.csv:
 * {@value ExportFiles#OCSF_FINDINGS}, {@value ExportFiles#OSCAL_ASSESSMENT_RESULTS} and,
 * when the board has anything to plan, {@value ExportFiles#OSCAL_POAM}. Made from what
 * the runs stored, dated by the period, so the same review writes the same bytes.
 */
@Component
public class BoardExports {

	static final String FINDINGS_JSON = "findings.json";

	static final String FINDINGS_CSV = "findings.csv";

	private final ReviewRuns runs;

	private final FindingStore store;

	private final DecisionChecks decisions;

	private final DecisionProperties decisionProperties;

	BoardExports(ReviewRuns runs, FindingStore store, DecisionChecks decisions, DecisionProperties decisionProperties) {
		this.runs = runs;
		this.store = store;
		this.decisions = decisions;
		this.decisionProperties = decisionProperties;
	}

	/**
	 * Writes the exports of one board of the run into {@code dir}, where findings.json
	 * and findings.csv already are.
	 * @param findings the board's findings of the run, in report order
	 * @return the files written
	 */
	public List<Path> write(RunInputs inputs, Board board, List<StoredFinding> findings, Path dir) {
		try {
			BoardExport export = export(inputs, board, findings,
					List.of(evidence(dir, FINDINGS_JSON, "application/json", "Every finding of the review"),
							evidence(dir, FINDINGS_CSV, "text/csv", "Every finding of the review, as CSV")));
			List<Path> written = new ArrayList<>();
			String ocsfSha256 = writeOcsf(dir.resolve(ExportFiles.OCSF_FINDINGS), export);
			written.add(dir.resolve(ExportFiles.OCSF_FINDINGS));
			List<BoardExport.Evidence> evidence = new ArrayList<>(export.evidence());
			evidence.add(new BoardExport.Evidence(ExportFiles.OCSF_FINDINGS, "application/x-ndjson", ocsfSha256,
					"Every finding of the review as OCSF " + OcsfFindings.OCSF_VERSION + " events"));
			BoardExport withOcsf = new BoardExport(export.boardId(), export.boardName(), export.period(),
					export.softwareVersion(), export.findings(), export.previousPeriod(), export.previousFindings(),
					export.decisions(), export.remediationDue(), evidence);
			written.add(write(dir.resolve(ExportFiles.OSCAL_ASSESSMENT_RESULTS),
					OscalAssessmentResults.write(withOcsf, ObservationGroup.of(findings))));
			Optional<byte[]> poam = OscalPoam.write(withOcsf);
			Path poamFile = dir.resolve(ExportFiles.OSCAL_POAM);
			if (poam.isPresent()) {
				written.add(write(poamFile, poam.get()));
			}
			else {
				Files.deleteIfExists(poamFile);
			}
			return written;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"cannot write the exports of board " + board.id() + " to " + dir + ": " + ex.getMessage(), ex);
		}
	}

	private BoardExport export(RunInputs inputs, Board board, List<StoredFinding> findings,
			List<BoardExport.Evidence> evidence) {
		Period period = inputs.period();
		Period previous = period.previous();
		Optional<Long> previousRun = this.runs.latestCompletedOfBoard(previous.label(), board.id());
		List<StoredFinding> previousFindings = previousRun
			.map((runId) -> this.store.findings(runId)
				.stream()
				.filter((stored) -> stored.finding().boardId().equals(board.id()))
				.toList())
			.orElse(List.of());
		LocalDate due = LocalDate.ofInstant(period.end(), ZoneOffset.UTC)
			.plusDays(this.decisionProperties.defaultDue().toDays());
		return new BoardExport(board.id(), board.name(), period, SoftwareVersion.current(), findings,
				previousRun.isPresent() ? previous.label() : null, previousFindings,
				this.decisions.stored(inputs.runId(), board.id()), due, evidence);
	}

	private static BoardExport.Evidence evidence(Path dir, String name, String mediaType, String description)
			throws IOException {
		try {
			return new BoardExport.Evidence(name, mediaType, Sha256.hex(Files.readAllBytes(dir.resolve(name))),
					description);
		}
		catch (NoSuchFileException ex) {
			throw new IllegalStateException(dir.resolve(name) + " is missing: the exports cite it as evidence", ex);
		}
	}

	/**
	 * Streams the OCSF events to {@code <name>.partial}, then moves it into place.
	 * @return the file's SHA-256
	 */
	private static String writeOcsf(Path file, BoardExport export) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		MessageDigest digest = Sha256.newDigest();
		try (OutputStream out = new DigestOutputStream(
				new BufferedOutputStream(Files.newOutputStream(partial), 64 * 1024), digest)) {
			OcsfFindings.write(export, out);
		}
		catch (IOException ex) {
			Files.deleteIfExists(partial);
			throw new IOException(
					file.getFileName() + ": " + Objects.requireNonNullElse(ex.getMessage(), ex.toString()), ex);
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return HexFormat.of().formatHex(digest.digest());
	}

	/** Writes to {@code <name>.partial}, then moves it into place. */
	private static Path write(Path file, byte[] content) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try {
			Files.write(partial, content);
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return file;
		}
		catch (IOException ex) {
			Files.deleteIfExists(partial);
			throw new IOException(
					file.getFileName() + ": " + Objects.requireNonNullElse(ex.getMessage(), ex.toString()), ex);
		}
	}

}
