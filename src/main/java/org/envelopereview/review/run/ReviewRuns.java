package org.envelopereview.review.run;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
import org.envelopereview.system.SqlFiles;

import org.springframework.stereotype.Component;

/** The {@code review_run} rows and the scope snapshots the runs stored. */
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
			int number = handle.createQuery(SqlFiles.sql(ReviewRuns.class, "next-number"))
				.bind("period", period.label())
				.mapTo(Integer.class)
				.one();
			long id = handle.createUpdate(SqlFiles.sql(ReviewRuns.class, "insert"))
				.bind("period", period.label())
				.bind("periodStart", SqlFiles.utc(period.start()))
				.bind("periodEnd", SqlFiles.utc(period.end()))
				.bind("runNumber", number)
				.bind("boardFilter", boardFilter)
				.bind("startedAt", SqlFiles.utc(startedAt))
				.executeAndReturnGeneratedKeys("id")
				.mapTo(Long.class)
				.one();
			return new RunRow(id, period, number, boardFilter, "STARTING", null);
		});
	}

	public Optional<RunRow> latest(String periodLabel) {
		return this.jdbi.withHandle((handle) -> handle.createQuery(SqlFiles.sql(ReviewRuns.class, "latest"))
			.bind("period", periodLabel)
			.map((row, ctx) -> runRow(row))
			.findOne());
	}

	RunRow find(long runId) {
		return this.jdbi.withHandle((handle) -> handle.createQuery(SqlFiles.sql(ReviewRuns.class, "find"))
			.bind("id", runId)
			.map((row, ctx) -> runRow(row))
			.findOne()
			.orElseThrow(() -> new IllegalStateException("review run " + runId + " does not exist")));
	}

	public void updateStatus(long runId, String status, Long jobExecutionId, Instant finishedAt, String outputDir) {
		this.jdbi.useHandle((handle) -> handle.createUpdate(SqlFiles.sql(ReviewRuns.class, "update-status"))
			.bind("id", runId)
			.bind("status", status)
			.bind("jobExecutionId", jobExecutionId)
			.bind("finishedAt", SqlFiles.utc(finishedAt))
			.bind("outputDir", outputDir)
			.execute());
	}

	public Optional<ScopeMeasurement> completedMeasurement(String envelopeId, String periodLabel) {
		return this.jdbi
			.withHandle((handle) -> handle.createQuery(SqlFiles.sql(ReviewRuns.class, "previous-measurement"))
				.bind("envelope", envelopeId)
				.bind("period", periodLabel)
				.map((row, ctx) -> measurement(row))
				.findOne());
	}

	/**
	 * The envelope's measurements: the latest completed run of each earlier period, then
	 * this run's.
	 */
	public List<ScopeMeasurement> trend(String envelopeId, long runId, Period period) {
		List<ScopeMeasurement> rows = this.jdbi
			.withHandle((handle) -> handle.createQuery(SqlFiles.sql(ReviewRuns.class, "trend"))
				.bind("envelope", envelopeId)
				.bind("runId", runId)
				.bind("period", period.label())
				.bind("periodStart", SqlFiles.utc(period.start()))
				.map((row, ctx) -> measurement(row))
				.list());
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
		this.jdbi.useTransaction((handle) -> {
			handle.createUpdate(SqlFiles.sql(ReviewRuns.class, "delete-snapshot")).bind("runId", runId).execute();
			for (int i = 0; i < scopes.size(); i++) {
				ExercisedScope scope = scopes.get(i);
				ScopeMeasurement m = scope.measurement();
				handle.createUpdate(SqlFiles.sql(ReviewRuns.class, "insert-snapshot"))
					.bind("period", scope.period())
					.bind("envelope", envelopeIds.get(i))
					.bind("runId", runId)
					.bind("actionCount", m.actionCount())
					.bind("actionTypes", m.actionTypes())
					.bind("resources", m.resources())
					.bind("ipv4Addresses", new BigDecimal(m.ipv4Addresses()))
					.bind("ipv6Addresses", new BigDecimal(m.ipv6Addresses()))
					.bind("ports", m.ports())
					.bind("regions", m.regions())
					.bind("agents", m.agents())
					.bind("openRulesStart", m.openRulesStart())
					.bind("openRulesEnd", m.openRulesEnd())
					.bind("openRulesPeak", m.openRulesPeak())
					.bind("detail", detail(scope))
					.execute();
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

	private static ScopeMeasurement measurement(ResultSet row) throws SQLException {
		return new ScopeMeasurement(row.getString("period"), row.getLong("action_count"), row.getInt("action_types"),
				row.getInt("resources"), row.getBigDecimal("ipv4_addresses").toBigIntegerExact(),
				row.getBigDecimal("ipv6_addresses").toBigIntegerExact(), row.getInt("ports"), row.getInt("regions"),
				row.getInt("agents"), row.getInt("open_rules_start"), row.getInt("open_rules_end"),
				row.getInt("open_rules_peak"));
	}

	private static RunRow runRow(ResultSet row) throws SQLException {
		Period period = new Period(row.getString("period"), SqlFiles.instant(row, "period_start"),
				SqlFiles.instant(row, "period_end"));
		long jobExecutionId = row.getLong("job_execution_id");
		Long execution = row.wasNull() ? null : jobExecutionId;
		return new RunRow(row.getLong("id"), period, row.getInt("run_number"), row.getString("board_filter"),
				row.getString("status"), execution);
	}

	/** A review run as stored. */
	public record RunRow(long id, Period period, int runNumber, String boardFilter, String status,
			Long jobExecutionId) {
	}

}
