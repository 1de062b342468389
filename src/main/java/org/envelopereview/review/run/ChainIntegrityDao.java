package org.envelopereview.review.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import org.envelopereview.action.chain.ChainBreak;
import org.envelopereview.action.chain.ChainCheckpoint;
import org.envelopereview.action.chain.ChainVerification;

/**
 * Rows of {@code review_integrity}, {@code review_chain_break} and
 * {@code chain_checkpoint}; the SQL is in the .sql files beside this type.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(ChainBreak.class)
@RegisterConstructorMapper(ChainCheckpoint.class)
@RegisterConstructorMapper(ChainIntegrityDao.Summary.class)
@RegisterConstructorMapper(ChainIntegrityDao.CheckpointSet.class)
@RegisterConstructorMapper(ChainVerification.RunRef.class)
interface ChainIntegrityDao {

	@SqlUpdate
	void deleteBreaks(@Bind("runId") long runId);

	@SqlUpdate
	void deleteSummary(@Bind("runId") long runId);

	@SqlUpdate
	void insertSummary(@BindMethods Summary summary);

	@SqlQuery
	Optional<Summary> summary(@Bind("runId") long runId);

	/** The latest set of checkpoints another run wrote, with the digest it recorded. */
	@SqlQuery
	Optional<CheckpointSet> latestCheckpointSet(@Bind("runId") long runId);

	@SqlQuery
	List<ChainCheckpoint> checkpointsOf(@Bind("runId") long runId);

	/** Each agent's checkpoint of the latest other run that wrote one for it. */
	@SqlQuery
	List<ChainCheckpoint> latestCheckpoints(@Bind("runId") long runId);

	@SqlQuery
	Optional<Long> lastFullRun(@Bind("runId") long runId);

	/** Runs other than this one that verified the chains after run {@code since}. */
	@SqlQuery
	long runsSince(@Bind("since") long since, @Bind("runId") long runId);

	@SqlUpdate
	void deleteCheckpoints(@Bind("runId") long runId);

	@SqlBatch
	void insertCheckpoints(@Bind("runId") long runId, @Bind("verifiedAt") Instant verifiedAt,
			@BindMethods List<ChainCheckpoint> checkpoints);

	@SqlQuery
	Optional<ChainVerification.RunRef> runRef(@Bind("runId") long runId);

	@SqlQuery
	long breakCount(@Bind("runId") long runId);

	@SqlBatch
	void insertBreaks(@Bind("runId") long runId, @BindMethods List<BreakRow> breaks);

	@SqlQuery
	List<ChainBreak> breaks(@Bind("runId") long runId);

	/** The envelope column of an action, read-only: the action's row is the ingest's. */
	@SqlQuery
	Optional<String> envelopeOf(@Bind("id") String actionId);

	/** A row of {@code review_chain_break}, as bound by {@code insertBreaks.sql}. */
	record BreakRow(int ordinal, String agent, long seq, String kind, String actionId, Instant occurredAt,
			String detail) {
	}

	/**
	 * A row of {@code review_integrity}: the verification columns are {@code null} in
	 * runs made before checkpoints existed.
	 */
	record Summary(long runId, long rowsChecked, String verification, String fullReason, Long basisRunId,
			String basisSha256, Boolean basisAltered, Long agents, Long agentsFromCheckpoint,
			Long rowsBeforeCheckpoints, Long checkpoints, String checkpointsSha256, Long lastFullRunId,
			Integer fullEvery, Instant verifiedAt) {
	}

	/** A run's checkpoint set as that run recorded it. */
	record CheckpointSet(long runId, String checkpointsSha256) {
	}

}
