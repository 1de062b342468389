package org.envelopereview.decision;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import org.envelopereview.decision.DecisionRecordPublisher.DecisionRecordDocument;
import org.envelopereview.decision.DecisionsFileReader.AnsweredPack;
import org.envelopereview.decision.DecisionsFileReader.Header;
import org.envelopereview.decision.DecisionsFileReader.Resolution;
import org.envelopereview.envelope.Board;
import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.envelope.EnvelopeProblem;
import org.envelopereview.envelope.SafeYaml;
import org.envelopereview.finding.Finding;
import org.envelopereview.period.Period;
import org.envelopereview.system.Sha256;

import org.springframework.stereotype.Component;

/**
 * {@code decisions record FILE}: validates a filled-in decisions file against the pack it
 * answers, stores it once, and writes its signed decision record. Recording the same file
 * again changes nothing; a different file for the same board and period is refused,
 * because a recorded decision is signed and never replaced.
 */
@Component
public class DecisionRecorder {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private final Jdbi jdbi;

	private final AnsweredPacks packs;

	private final DecisionProperties properties;

	private final DecisionRecordPublisher publisher;

	DecisionRecorder(Jdbi jdbi, AnsweredPacks packs, DecisionProperties properties, DecisionRecordPublisher publisher) {
		this.jdbi = jdbi;
		this.packs = packs;
		this.properties = properties;
		this.publisher = publisher;
	}

	/** How recording a file ended. */
	public enum Status {

		/** Stored and signed now. */
		RECORDED,
		/** The same file was recorded before; nothing changed. */
		UNCHANGED,
		/** A different file was recorded before for the board and period. */
		REFUSED,
		/** The file has problems; nothing was stored. */
		INVALID

	}

	/**
	 * @param record the signed decision record, when there is one
	 * @param message one sentence a person can act on
	 */
	public record Outcome(Status status, List<EnvelopeProblem> problems, List<Decision> decisions, Path record,
			String message) {

		public Outcome {
			problems = List.copyOf(problems);
			decisions = List.copyOf(decisions);
		}

	}

	public Outcome record(Path file) {
		String shown = file.toString();
		byte[] bytes;
		try {
			if (Files.size(file) > SafeYaml.MAX_BYTES) {
				return invalid(new EnvelopeProblem(shown, 0, "",
						"the file is larger than " + SafeYaml.MAX_BYTES + " bytes (1 MiB)"));
			}
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			return invalid(new EnvelopeProblem(shown, 0, "", "cannot be read: " + ex.getMessage()));
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return invalid(new EnvelopeProblem(shown, 0, "", "is not UTF-8 text"));
		}
		EnvelopeCatalog catalog = this.packs.catalog();
		Map<String, Object> resolved = new LinkedHashMap<>();
		DecisionsFileReader.Outcome read = new DecisionsFileReader(this.properties.defaultDue()).read(shown,
				text.startsWith("\uFEFF") ? text.substring(1) : text,
				(header) -> resolve(shown, header, catalog, resolved));
		if (!read.valid()) {
			return new Outcome(Status.INVALID, read.problems(), List.of(), null,
					read.problems().size() + " problem(s) in " + shown + "; nothing was recorded");
		}
		Header header = read.header();
		AnsweredPack pack = read.pack();
		Period period = (Period) resolved.get("period");
		String sha256 = Sha256.hex(bytes);
		Path target = this.properties.record(period.label(), header.boardId());
		Optional<DecisionDao.RecordRow> existing = this.jdbi.withExtension(DecisionDao.class,
				(dao) -> dao.findRecord(header.boardId(), period.label()));
		if (existing.isPresent()) {
			DecisionDao.RecordRow row = existing.get();
			if (!row.fileSha256().equals(sha256)) {
				return new Outcome(Status.REFUSED, List.of(), List.of(), null, "refused: the decisions of board "
						+ header.boardId() + " on " + period.label() + " were recorded on "
						+ DAY.format(row.recordedAt()) + " from " + row.fileName() + " (SHA-256 " + row.fileSha256()
						+ "), and " + shown + " differs from it (SHA-256 " + sha256 + "). A recorded decision is "
						+ "signed and never replaced: record a correction as a decision on the next period's pack.");
			}
			Path record = Files.isRegularFile(target) ? target : this.publisher
				.publish(document(period, pack, read.decisions(), bytes, sha256, row.recordedAt()), target);
			return new Outcome(Status.UNCHANGED, List.of(), read.decisions(), record,
					"already recorded on " + DAY.format(row.recordedAt()) + " from an identical file; nothing changed");
		}
		Instant recordedAt = Instant.now();
		String fileName = file.getFileName().toString();
		this.jdbi.useTransaction((handle) -> {
			DecisionDao dao = handle.attach(DecisionDao.class);
			long id = dao.insertRecord(new DecisionDao.RecordRow(0, period.label(), period.start(), period.end(),
					header.boardId(), pack.runId(), pack.packSha256(), fileName, sha256, text, recordedAt));
			List<DecisionDao.DecisionRow> rows = new ArrayList<>();
			for (Decision decision : read.decisions()) {
				rows.add(new DecisionDao.DecisionRow(id, period.label(), period.end(), header.boardId(), pack.runId(),
						decision.envelopeId(), decision.kind().label(), decision.decidedBy(), decision.decidedAt(),
						decision.dueDate(), decision.justification(), decision.requiredChange(), decision.line(),
						recordedAt, sha256, pack.packSha256()));
			}
			if (!rows.isEmpty()) {
				dao.insertDecisions(id, rows);
			}
		});
		Path record = this.publisher.publish(document(period, pack, read.decisions(), bytes, sha256, recordedAt),
				target);
		return new Outcome(Status.RECORDED, List.of(), read.decisions(), record, "recorded " + read.decisions().size()
				+ " decision(s) of board " + header.boardId() + " on " + period.label());
	}

	private Resolution resolve(String shown, Header header, EnvelopeCatalog catalog, Map<String, Object> resolved) {
		List<EnvelopeProblem> problems = new ArrayList<>();
		Period period;
		try {
			period = Period.parse(header.period());
		}
		catch (IllegalArgumentException ex) {
			return Resolution.missing(new EnvelopeProblem(shown, header.periodLine(), "period", ex.getMessage()));
		}
		resolved.put("period", period);
		Optional<Board> board = AnsweredPacks.board(catalog, header.boardId());
		if (board.isEmpty()) {
			return Resolution.missing(new EnvelopeProblem(shown, header.boardLine(), "board",
					"unknown board '" + header.boardId() + "'; boards.yaml declares "
							+ String.join(", ", catalog.directory().boards().stream().map(Board::id).toList())));
		}
		Optional<DecisionDao.PackRun> run = this.packs.run(period.label(), header.run());
		if (run.isEmpty()) {
			return Resolution.missing(new EnvelopeProblem(shown, header.runLine(), "pack.run",
					"no completed review run " + header.run() + " of " + period.label() + " is stored"));
		}
		Path packFile = this.packs.packFile(period.label(), header.boardId());
		String actual = AnsweredPacks.sha256(packFile);
		if (actual == null) {
			problems.add(new EnvelopeProblem(shown, header.packLine(), "pack.sha256", "cannot be checked: the pack "
					+ AnsweredPacks.shown(packFile) + " is missing from the output directory"));
		}
		else if (!actual.equalsIgnoreCase(header.packSha256())) {
			problems.add(new EnvelopeProblem(shown, header.packLine(), "pack.sha256",
					header.packSha256() + " does not match the recorded pack " + AnsweredPacks.shown(packFile)
							+ " (SHA-256 " + actual + "): these decisions answer another pack; write a new template "
							+ "with `" + DecisionTemplates.command(period.label(), header.boardId()) + "`"));
		}
		Map<String, List<String>> requested = new LinkedHashMap<>();
		Map<String, List<Finding>> reasons = this.packs.requested(run.get().id(), header.boardId());
		reasons.forEach((envelopeId, findings) -> requested.put(envelopeId,
				findings.stream().map((finding) -> finding.code().code()).distinct().toList()));
		return Resolution.found(new AnsweredPack(run.get().id(), run.get().runNumber(), board.get(), requested,
				this.packs.known(run.get().id(), catalog), AnsweredPacks.shown(packFile), actual), problems);
	}

	private static DecisionRecordDocument document(Period period, AnsweredPack pack, List<Decision> decisions,
			byte[] bytes, String sha256, Instant recordedAt) {
		// attached under the record's own name, whatever the file was called
		return new DecisionRecordDocument(period, pack.board(), pack.runId(), pack.runNumber(), pack.packFile(),
				pack.packSha256(), pack.requested(), decisions, pack.board().id() + ".yaml", bytes, sha256, recordedAt);
	}

	private static Outcome invalid(EnvelopeProblem problem) {
		return new Outcome(Status.INVALID, List.of(problem), List.of(), null,
				"1 problem in " + problem.file() + "; nothing was recorded");
	}

}
