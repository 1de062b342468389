package org.envelopereview.review.run;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import org.envelopereview.period.Period;
import org.envelopereview.review.scope.ScopeMeasurement;

/**
 * Rows of {@code review_run}, {@code scope_snapshot} and {@code review_lock}; the SQL is
 * in the .sql files beside this type ({@code lockPeriod.sql} is run by {@link ReviewLock}
 * on a connection of its own).
 */
@UseClasspathSqlLocator
@RegisterRowMapper(ReviewRunDao.RunRowMapper.class)
@RegisterRowMapper(ReviewRunDao.MeasurementMapper.class)
@RegisterConstructorMapper(ReviewRuns.StoredRun.class)
interface ReviewRunDao {

	@SqlQuery
	int nextNumber(@Bind("period") String period);

	@SqlUpdate
	@GetGeneratedKeys("id")
	long insert(@Bind("period") String period, @Bind("periodStart") Instant periodStart,
			@Bind("periodEnd") Instant periodEnd, @Bind("runNumber") int runNumber,
			@Bind("boardFilter") String boardFilter, @Bind("startedAt") Instant startedAt);

	@SqlQuery
	Optional<ReviewRuns.RunRow> latest(@Bind("period") String period);

	@SqlQuery
	Optional<ReviewRuns.RunRow> find(@Bind("id") long id);

	@SqlUpdate
	void updateStatus(@Bind("id") long id, @Bind("status") String status, @Bind("jobExecutionId") Long jobExecutionId,
			@Bind("finishedAt") Instant finishedAt, @Bind("outputDir") String outputDir);

	@SqlQuery
	Optional<Long> latestCompletedOfBoard(@Bind("period") String period, @Bind("board") String boardId);

	@SqlQuery
	boolean hasCompletedRun(@Bind("period") String period);

	@SqlQuery
	List<ReviewRuns.StoredRun> latestRuns(@Bind("limit") int limit);

	@SqlQuery
	Optional<ScopeMeasurement> completedMeasurement(@Bind("envelope") String envelopeId, @Bind("period") String period);

	/** Each envelope's rows latest run first: the first of each is the one to use. */
	@SqlQuery
	@RegisterRowMapper(StoredMeasurementMapper.class)
	void completedMeasurements(@Bind("period") String period, Consumer<StoredMeasurement> measurements);

	@SqlQuery
	List<ScopeMeasurement> trend(@Bind("envelope") String envelopeId, @Bind("runId") long runId,
			@Bind("period") String period, @Bind("periodStart") Instant periodStart);

	@SqlUpdate
	void deleteSnapshots(@Bind("runId") long runId);

	@SqlBatch
	void insertSnapshots(@Bind("runId") long runId, @BindMethods List<SnapshotRow> snapshots);

	@SqlUpdate
	void insertLock(@Bind("period") String period);

	/** A row of {@code scope_snapshot}, as bound by {@code insertSnapshots.sql}. */
	record SnapshotRow(String period, String envelope, long actionCount, int actionTypes, int resources,
			BigDecimal ipv4Addresses, BigDecimal ipv6Addresses, int ports, int regions, int agents, int openRulesStart,
			int openRulesEnd, int openRulesPeak, String detail) {
	}

	/** A run row: its period is three columns. */
	class RunRowMapper implements RowMapper<ReviewRuns.RunRow> {

		@Override
		public ReviewRuns.RunRow map(ResultSet row, StatementContext ctx) throws SQLException {
			ColumnMapper<Instant> instant = ctx.findColumnMapperFor(Instant.class).orElseThrow();
			Period period = new Period(row.getString("period"), instant.map(row, "period_start", ctx),
					instant.map(row, "period_end", ctx));
			long jobExecutionId = row.getLong("job_execution_id");
			Long execution = row.wasNull() ? null : jobExecutionId;
			return new ReviewRuns.RunRow(row.getLong("id"), period, row.getInt("run_number"),
					row.getString("board_filter"), row.getString("status"), execution);
		}

	}

	/** An envelope's measurement as a run stored it. */
	record StoredMeasurement(String envelopeId, ScopeMeasurement measurement) {
	}

	/** A snapshot row with its envelope. */
	class StoredMeasurementMapper implements RowMapper<StoredMeasurement> {

		private final MeasurementMapper measurement = new MeasurementMapper();

		@Override
		public StoredMeasurement map(ResultSet row, StatementContext ctx) throws SQLException {
			return new StoredMeasurement(row.getString("envelope_id"), this.measurement.map(row, ctx));
		}

	}

	/** A snapshot row: its address counts are exact decimals. */
	class MeasurementMapper implements RowMapper<ScopeMeasurement> {

		@Override
		public ScopeMeasurement map(ResultSet row, StatementContext ctx) throws SQLException {
			return new ScopeMeasurement(row.getString("period"), row.getLong("action_count"),
					row.getInt("action_types"), row.getInt("resources"),
					row.getBigDecimal("ipv4_addresses").toBigIntegerExact(),
					row.getBigDecimal("ipv6_addresses").toBigIntegerExact(), row.getInt("ports"), row.getInt("regions"),
					row.getInt("agents"), row.getInt("open_rules_start"), row.getInt("open_rules_end"),
					row.getInt("open_rules_peak"));
		}

	}

}
