package org.envelopereview.decision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jdbi.v3.core.Jdbi;

import org.envelopereview.envelope.Board;
import org.envelopereview.finding.Finding;
import org.envelopereview.period.Period;

import org.springframework.stereotype.Component;

/**
 * What the boards still owe (issue 16 item 4), for {@code status} and the scheduler's
 * log: requested decisions nobody recorded while the next review has not yet reported
 * them, and recorded decisions due within {@link #SOON} or past due that no review has
 * found applied.
 */
@Component
public class DecisionReminders {

	/** How far ahead a due date counts as near. */
	public static final Duration SOON = Duration.ofDays(14);

	private final Jdbi jdbi;

	private final AnsweredPacks packs;

	DecisionReminders(Jdbi jdbi, AnsweredPacks packs) {
		this.jdbi = jdbi;
		this.packs = packs;
	}

	/** One line per reminder, boards in order; empty when nothing is owed. */
	public List<String> at(Instant now) {
		List<String> reminders = new ArrayList<>();
		List<Board> boards = boards();
		for (DecisionDao.ReviewedPeriod reviewed : this.jdbi.withExtension(DecisionDao.class,
				DecisionDao::completedPeriods)) {
			Period period = new Period(reviewed.period(), reviewed.periodStart(), reviewed.periodEnd());
			Period decideBy = DecisionDeadlines.next(period);
			if (!decideBy.end().isAfter(now)) {
				continue;
			}
			for (Board board : boards) {
				unrecorded(period, decideBy, board.id()).ifPresent(reminders::add);
			}
		}
		reminders.addAll(due(now));
		return reminders;
	}

	/** The boards of boards.yaml, or none when the envelopes cannot be read here. */
	private List<Board> boards() {
		try {
			return this.packs.catalog().directory().boards();
		}
		catch (IllegalArgumentException | java.io.UncheckedIOException ex) {
			return List.of();
		}
	}

	private Optional<String> unrecorded(Period period, Period decideBy, String boardId) {
		Optional<DecisionDao.PackRun> run = this.packs.latestRun(period.label(), boardId);
		if (run.isEmpty()) {
			return Optional.empty();
		}
		boolean recorded = this.jdbi.withExtension(DecisionDao.class, (dao) -> dao.findRecord(boardId, period.label()))
			.isPresent();
		Map<String, List<Finding>> requested = this.packs.requested(run.get().id(), boardId);
		if (recorded || requested.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(boardId + ": " + requested.size() + " decision(s) requested by the " + period.label()
				+ " pack are not recorded (due by " + day(decideBy.lastInstant()) + "): "
				+ DecisionTemplates.command(period.label(), boardId));
	}

	private List<String> due(Instant now) {
		Map<String, DecisionDao.CheckRow> checks = new HashMap<>();
		this.jdbi.withExtension(DecisionDao.class, DecisionDao::latestChecks)
			.forEach((check) -> checks.put(check.recordId() + "/" + check.envelopeId(), check));
		Map<String, RecordedDecision> latest = new TreeMap<>();
		this.jdbi.withExtension(DecisionDao.class, (dao) -> dao.decisions(null))
			.stream()
			.map(RecordedDecision::of)
			.sorted(Comparator.comparing(RecordedDecision::periodEnd).thenComparing(RecordedDecision::recordedAt))
			.forEach((recorded) -> latest.put(recorded.boardId() + "/" + recorded.decision().envelopeId(), recorded));
		LocalDate soon = now.plus(SOON).atZone(ZoneOffset.UTC).toLocalDate();
		LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
		List<String> reminders = new ArrayList<>();
		for (RecordedDecision recorded : latest.values()) {
			Decision decision = recorded.decision();
			DecisionDao.CheckRow check = checks.get(recorded.recordId() + "/" + decision.envelopeId());
			boolean applied = check != null && DecisionStatus.valueOf(check.status()) == DecisionStatus.APPLIED;
			if (!decision.kind().checkable() || applied || decision.dueDate().isAfter(soon)) {
				continue;
			}
			reminders.add(recorded.boardId() + ": " + decision.kind().label() + " " + decision.envelopeId()
					+ " (decided " + decision.decidedAt() + " on the " + recorded.period() + " pack) is due "
					+ decision.dueDate() + (decision.dueDate().isBefore(today) ? " - PAST DUE" : "")
					+ ((check != null) ? "; the " + check.period() + " review found: " + check.detail()
							: "; no review has checked it yet"));
		}
		return reminders;
	}

	private static String day(Instant instant) {
		return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
	}

}
