package org.envelopereview.decision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jdbi.v3.core.Jdbi;

import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.envelope.EnvelopeFile;
import org.envelopereview.envelope.EnvelopeSnapshots;
import org.envelopereview.finding.Finding;
import org.envelopereview.period.Period;

import org.springframework.stereotype.Component;

/**
 * Checks a board's recorded decisions against the envelope files and the action history
 * as of a period's end (SPEC §8), and finds the decisions the previous period's pack
 * requested that nobody recorded.
 * <ul>
 * <li>re-approve: the envelope's {@code review.lastReviewedAt} is on or after
 * {@code decidedAt};</li>
 * <li>revise: the envelope file differs from the file the answered pack reviewed, and was
 * last modified after {@code decidedAt} (00:00 UTC);</li>
 * <li>retire: no file declares the envelope any more, or its {@code expiresAt} is on or
 * before {@code dueDate}; and no action names it after {@code dueDate} (00:00 UTC).</li>
 * </ul>
 * A review checks, per envelope, the latest decision recorded on an earlier period's
 * pack: those on the previous period's pack always, older ones while they are not
 * applied.
 */
@Component
public class DecisionChecks {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private final Jdbi jdbi;

	private final RequestedDecisions requested;

	private final EnvelopeSnapshots snapshots;

	DecisionChecks(Jdbi jdbi, RequestedDecisions requested, EnvelopeSnapshots snapshots) {
		this.jdbi = jdbi;
		this.requested = requested;
		this.snapshots = snapshots;
	}

	/**
	 * @param catalog the envelope files as the reviewing run read them
	 * @param envelopesDir where they are, for when each was last modified
	 */
	public BoardDecisionChecks check(Period period, String boardId, EnvelopeCatalog catalog, Path envelopesDir) {
		String previous = period.previous().label();
		List<RecordedDecision> all = this.jdbi.withExtension(DecisionDao.class, (dao) -> dao.decisions(boardId))
			.stream()
			.map(RecordedDecision::of)
			.filter((recorded) -> recorded.decision().decidedInstant().isBefore(period.end()))
			.toList();
		Map<String, RecordedDecision> latest = new TreeMap<>();
		all.stream()
			.filter((recorded) -> !recorded.periodEnd().isAfter(period.start()))
			.sorted(Comparator.comparing(RecordedDecision::periodEnd).thenComparing(RecordedDecision::recordedAt))
			.forEach((recorded) -> latest.put(recorded.decision().envelopeId(), recorded));
		Map<Long, List<EnvelopeFile>> answeredFiles = new HashMap<>();
		List<CheckedDecision> checked = new ArrayList<>();
		for (RecordedDecision recorded : latest.values()) {
			CheckedDecision check = check(recorded, period, catalog, envelopesDir,
					answeredFiles.computeIfAbsent(recorded.runId(), this.snapshots::load));
			if (recorded.period().equals(previous)
					|| (check.status() != DecisionStatus.APPLIED && check.status() != DecisionStatus.DEFERRED)) {
				checked.add(check);
			}
		}
		return new BoardDecisionChecks(boardId, checked, undecided(previous, boardId, all));
	}

	private List<UndecidedRequest> undecided(String previous, String boardId, List<RecordedDecision> all) {
		Optional<DecisionDao.PackRun> run = this.jdbi.withExtension(DecisionDao.class,
				(dao) -> dao.latestPackRun(previous, boardId));
		if (run.isEmpty()) {
			return List.of();
		}
		List<UndecidedRequest> undecided = new ArrayList<>();
		Map<String, List<Finding>> asked = this.requested.of(run.get().id(), boardId);
		asked.forEach((envelopeId, reasons) -> {
			boolean answered = all.stream()
				.anyMatch((recorded) -> recorded.period().equals(previous)
						&& recorded.decision().envelopeId().equals(envelopeId));
			if (!answered) {
				undecided.add(new UndecidedRequest(boardId, envelopeId, previous, run.get().runNumber(),
						reasons.stream().map((reason) -> reason.code().code()).distinct().toList()));
			}
		});
		return undecided;
	}

	CheckedDecision check(RecordedDecision recorded, Period period, EnvelopeCatalog catalog, Path envelopesDir,
			List<EnvelopeFile> answered) {
		Decision decision = recorded.decision();
		String id = decision.envelopeId();
		Optional<Envelope> envelope = catalog.envelope(id);
		Optional<EnvelopeFile> file = catalog.files().stream().filter((f) -> id.equals(f.envelopeId())).findFirst();
		Outcome outcome = switch (decision.kind()) {
			case DEFER -> new Outcome(true, "deferred: " + decision.justification(), null);
			case RE_APPROVE -> reApproved(decision, envelope, file);
			case REVISE -> revised(decision, file, answered, envelopesDir);
			case RETIRE -> retired(decision, envelope, file, period);
		};
		DecisionStatus status;
		if (decision.kind() == DecisionKind.DEFER) {
			status = DecisionStatus.DEFERRED;
		}
		else if (outcome.applied()) {
			status = DecisionStatus.APPLIED;
		}
		else {
			status = decision.dueInstant().isBefore(period.end()) ? DecisionStatus.NOT_APPLIED : DecisionStatus.PENDING;
		}
		return new CheckedDecision(recorded, status, outcome.detail(), outcome.actionId());
	}

	private static Outcome reApproved(Decision decision, Optional<Envelope> envelope, Optional<EnvelopeFile> file) {
		if (envelope.isEmpty()) {
			return new Outcome(false, missing(decision, file) + ", so it cannot show the re-approval", null);
		}
		Envelope.ReviewSchedule review = envelope.get().review();
		if (review.lastReviewedAt() == null || review.lastReviewedAt().isBefore(decision.decidedAt())) {
			return new Outcome(false, "review.lastReviewedAt is " + review.lastReviewedAt() + " in "
					+ envelope.get().sourceFile() + ", before the re-approval on " + decision.decidedAt(), null);
		}
		return new Outcome(true, "review.lastReviewedAt " + review.lastReviewedAt() + " (by " + review.lastReviewedBy()
				+ ") is on or after the re-approval on " + decision.decidedAt(), null);
	}

	private static Outcome revised(Decision decision, Optional<EnvelopeFile> file, List<EnvelopeFile> answered,
			Path envelopesDir) {
		if (file.isEmpty()) {
			return new Outcome(false, "no envelope file declares " + decision.envelopeId()
					+ " any more: the board decided to revise it, not to retire it", null);
		}
		Optional<EnvelopeFile> before = answered.stream()
			.filter((f) -> decision.envelopeId().equals(f.envelopeId()))
			.findFirst();
		if (before.isPresent() && before.get().sha256().equals(file.get().sha256())) {
			return new Outcome(false, file.get().fileName() + " is unchanged since the reviewed pack (SHA-256 "
					+ abbreviated(file.get().sha256()) + ")", null);
		}
		Optional<Instant> modified = lastModified(envelopesDir.resolve(file.get().fileName()));
		if (modified.isEmpty() || !modified.get().isAfter(decision.decidedInstant())) {
			return new Outcome(false,
					file.get().fileName() + " changed, but last on "
							+ modified.map(DAY::format).orElse("an unknown day") + ", not after the decision on "
							+ decision.decidedAt(),
					null);
		}
		return new Outcome(true, file.get().fileName() + " changed on " + DAY.format(modified.get())
				+ ", after the decision on " + decision.decidedAt(), null);
	}

	private Outcome retired(Decision decision, Optional<Envelope> envelope, Optional<EnvelopeFile> file,
			Period period) {
		List<String> missing = new ArrayList<>();
		String retired;
		if (file.isEmpty()) {
			retired = "no envelope file declares it any more";
		}
		else if (envelope.isPresent() && envelope.get().expiresAt() != null
				&& !envelope.get().expiresAt().isAfter(decision.dueDate())) {
			retired = "expiresAt " + envelope.get().expiresAt() + " is on or before the due date";
		}
		else {
			retired = null;
			missing.add(file.get().fileName() + " still declares it"
					+ ((envelope.isPresent() && envelope.get().expiresAt() != null) ? " with expiresAt "
							+ envelope.get().expiresAt() + ", after the due date " + decision.dueDate() : ""));
		}
		Optional<DecisionDao.ActionAfter> after = this.jdbi.withExtension(DecisionDao.class,
				(dao) -> dao.firstActionAfter(decision.envelopeId(), decision.dueInstant(), period.end()));
		after.ifPresent((action) -> missing.add("action " + action.id() + " at " + action.occurredAt()
				+ " ran under it after the due date " + decision.dueDate() + " (00:00 UTC)"));
		if (missing.isEmpty()) {
			return new Outcome(true,
					retired + ", and no action ran under it after " + decision.dueDate() + " (00:00 UTC)", null);
		}
		return new Outcome(false, String.join("; ", missing), after.map(DecisionDao.ActionAfter::id).orElse(null));
	}

	private static String missing(Decision decision, Optional<EnvelopeFile> file) {
		return file.map((f) -> f.fileName() + " is invalid")
			.orElse("no envelope file declares " + decision.envelopeId() + " any more");
	}

	private static Optional<Instant> lastModified(Path file) {
		try {
			return Optional.of(Files.getLastModifiedTime(file).toInstant());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static String abbreviated(String sha256) {
		return sha256.substring(0, Math.min(12, sha256.length())) + "…";
	}

	/** Stores what a run found, replacing what an earlier attempt of the run stored. */
	public void save(long runId, List<BoardDecisionChecks> boards) {
		List<DecisionDao.CheckRow> rows = new ArrayList<>();
		for (BoardDecisionChecks board : boards) {
			for (CheckedDecision check : board.checked()) {
				rows.add(new DecisionDao.CheckRow(check.recorded().recordId(), check.recorded().decision().envelopeId(),
						board.boardId(), check.status().name(), truncate(check.detail()), null));
			}
		}
		this.jdbi.useTransaction((handle) -> {
			DecisionDao dao = handle.attach(DecisionDao.class);
			dao.deleteChecks(runId);
			if (!rows.isEmpty()) {
				dao.insertChecks(runId, rows);
			}
		});
	}

	/** What the run found about the board's decisions, by envelope. */
	public List<CheckedDecision> stored(long runId, String boardId) {
		Map<String, RecordedDecision> decisions = new LinkedHashMap<>();
		this.jdbi.withExtension(DecisionDao.class, (dao) -> dao.decisions(boardId))
			.forEach((row) -> decisions.put(row.recordId() + "/" + row.envelopeId(), RecordedDecision.of(row)));
		List<CheckedDecision> checked = new ArrayList<>();
		for (DecisionDao.CheckRow row : this.jdbi.withExtension(DecisionDao.class,
				(dao) -> dao.checks(runId, boardId))) {
			RecordedDecision recorded = decisions.get(row.recordId() + "/" + row.envelopeId());
			if (recorded != null) {
				checked.add(new CheckedDecision(recorded, DecisionStatus.valueOf(row.status()), row.detail(), null));
			}
		}
		return checked;
	}

	private static String truncate(String text) {
		return (text.length() <= 2000) ? text : text.substring(0, 1999) + "…";
	}

	private record Outcome(boolean applied, String detail, String actionId) {
	}

}
