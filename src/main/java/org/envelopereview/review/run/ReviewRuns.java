package org.envelopereview.review.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.period.Period;
import org.envelopereview.review.scope.ExercisedScope;
import org.envelopereview.review.scope.ScopeMeasurement;

import org.springframework.stereotype.Component;

/**
 * The review runs: the one owner of {@code review_run} and of the scope snapshots the
 * runs stored, read and written through {@link ReviewRunDao}.
 */
@Component
public class ReviewRuns {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final Jdbi jdbi;

	ReviewRuns(Jdbi jdbi) {
		this.jdbi = jdbi;
	}

	/** Creates the next numbered run of the period. */
	public RunRow create(Period period, String boardFilter, Instant startedAt) {
		return this.jdbi.inTransaction((handle) -> {
			ReviewRunDao dao = handle.attach(ReviewRunDao.class);
			int number = dao.nextNumber(period.label());
			long id = dao.insert(period.label(), period.start(), period.end(), number, boardFilter, startedAt);
			return new RunRow(id, period, number, boardFilter, "STARTING", null);
		});
	}

	public Optional<RunRow> latest(String periodLabel) {
		return this.jdbi.withExtension(ReviewRunDao.class, (dao) -> dao.latest(periodLabel));
	}

	RunRow find(long runId) {
		return this.jdbi.withExtension(ReviewRunDao.class, (dao) -> dao.find(runId))
			.orElseThrow(() -> new IllegalStateException("review run " + runId + " does not exist"));
	}

	public void updateStatus(long runId, String status, Long jobExecutionId, Instant finishedAt, String outputDir) {
		this.jdbi.useExtension(ReviewRunDao.class,
				(dao) -> dao.updateStatus(runId, status, jobExecutionId, finishedAt, outputDir));
	}

	/**
	 * Whether the period has a completed review of every board (a run limited to one
	 * board does not count).
	 */
	public boolean hasCompletedRun(String periodLabel) {
		return this.jdbi.withExtension(ReviewRunDao.class, (dao) -> dao.hasCompletedRun(periodLabel));
	}

	/**
	 * The latest completed run of the period that reviewed the board (a run of every
	 * board, or of that board alone).
	 */
	public Optional<Long> latestCompletedOfBoard(String periodLabel, String boardId) {
		return this.jdbi.withExtension(ReviewRunDao.class, (dao) -> dao.latestCompletedOfBoard(periodLabel, boardId));
	}

	/** The latest runs of any period, latest first. */
	public List<StoredRun> latestRuns(int limit) {
		return this.jdbi.withExtension(ReviewRunDao.class, (dao) -> dao.latestRuns(limit));
	}

	public Optional<ScopeMeasurement> completedMeasurement(String envelopeId, String periodLabel) {
		return this.jdbi.withExtension(ReviewRunDao.class, (dao) -> dao.completedMeasurement(envelopeId, periodLabel));
	}

	/**
	 * {@link #completedMeasurement} for every envelope the period's completed runs
	 * measured, in one query.
	 */
	public Map<String, ScopeMeasurement> completedMeasurements(String periodLabel) {
		Map<String, ScopeMeasurement> measurements = new HashMap<>();
		this.jdbi.useExtension(ReviewRunDao.class, (dao) -> dao.completedMeasurements(periodLabel,
				(stored) -> measurements.putIfAbsent(stored.envelopeId(), stored.measurement())));
		return measurements;
	}

	/**
	 * The envelope's measurements: the latest completed run of each earlier period, then
	 * this run's.
	 */
	public List<ScopeMeasurement> trend(String envelopeId, long runId, Period period) {
		List<ScopeMeasurement> rows = this.jdbi.withExtension(ReviewRunDao.class,
				(dao) -> dao.trend(envelopeId, runId, period.label(), period.start()));
		// later runs of a period replace earlier ones; ordering by start keeps periods in
		// time order
		Map<String, ScopeMeasurement> byPeriod = new LinkedHashMap<>();
		rows.forEach((measurement) -> {
			byPeriod.remove(measurement.period());
			byPeriod.put(measurement.period(), measurement);
		});
		return new ArrayList<>(byPeriod.values());
	}

	/** Replaces the run's scope snapshots with these (idempotent on re-execution). */
	public void saveSnapshots(long runId, List<ExercisedScope> scopes, List<String> envelopeIds) {
		List<ReviewRunDao.SnapshotRow> rows = new ArrayList<>();
		for (int i = 0; i < scopes.size(); i++) {
			ExercisedScope scope = scopes.get(i);
			ScopeMeasurement m = scope.measurement();
			rows.add(new ReviewRunDao.SnapshotRow(scope.period(), envelopeIds.get(i), m.actionCount(), m.actionTypes(),
					m.resources(), new BigDecimal(m.ipv4Addresses()), new BigDecimal(m.ipv6Addresses()), m.ports(),
					m.regions(), m.agents(), m.openRulesStart(), m.openRulesEnd(), m.openRulesPeak(), detail(scope)));
		}
		this.jdbi.useTransaction((handle) -> {
			ReviewRunDao dao = handle.attach(ReviewRunDao.class);
			dao.deleteSnapshots(runId);
			if (!rows.isEmpty()) {
				dao.insertSnapshots(runId, rows);
			}
		});
	}

	private static String detail(ExercisedScope scope) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("actionTypes", scope.actionTypes());
		detail.put("agents", scope.agents());
		detail.put("ipv4Blocks", scope.ipv4Blocks().stream().map(Object::toString).toList());
		detail.put("ipv6Blocks", scope.ipv6Blocks().stream().map(Object::toString).toList());
		detail.put("ports", scope.ports().stream().map(Object::toString).toList());
		detail.put("regions", scope.regions());
		detail.put("resources", scope.resources());
		Map<String, Object> rules = new LinkedHashMap<>();
		scope.rulesByResource().forEach((resource, open) -> rules.put(resource, open));
		detail.put("openRulesByResource", rules);
		return JSON.writeValueAsString(detail);
	}

	/** A review run as stored. */
	public record RunRow(long id, Period period, int runNumber, String boardFilter, String status,
			Long jobExecutionId) {
	}

	/** A run as the schedule's status lists it. */
	public record StoredRun(long id, String period, int runNumber, String status, Instant startedAt, Instant finishedAt,
			String outputDir) {

		public Optional<Instant> finished() {
			return Optional.ofNullable(this.finishedAt);
		}

	}

}
