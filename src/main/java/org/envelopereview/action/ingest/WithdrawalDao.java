package org.envelopereview.action.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import org.envelopereview.action.StoredAction;

/**
 * The SQL of {@code ingest withdraw}; the statements live in {@code WithdrawalDao/*.sql}
 * beside this type.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(WithdrawalDao.Source.class)
@RegisterConstructorMapper(WithdrawalDao.Recorded.class)
@RegisterConstructorMapper(WithdrawalDao.LaterLink.class)
interface WithdrawalDao {

	/** Finished sources with this name. */
	@SqlQuery
	List<Source> sourcesNamed(@Bind("name") String name);

	/** Finished sources with this content. */
	@SqlQuery
	List<Source> sourcesWithSha256(@Bind("sha256") String sha256);

	@SqlQuery
	List<Recorded> withdrawal(@Bind("id") long id);

	/**
	 * Rows of other sources (or of none) that follow, in an agent's chain, the first row
	 * the sources stored for that agent: they chain onto rows the withdrawal would
	 * remove.
	 */
	@SqlQuery
	List<LaterLink> laterLinks(@Bind("ids") long[] ids);

	@SqlQuery
	long countActions(@Bind("ids") long[] ids);

	@SqlQuery
	long countQuarantined(@Bind("ids") long[] ids);

	@SqlQuery
	long countNotReviewed(@Bind("ids") long[] ids);

	@SqlUpdate
	@GetGeneratedKeys("id")
	long insertWithdrawal(@Bind("sourceName") String sourceName, @Bind("sha256") String sha256,
			@Bind("withdrawnAt") OffsetDateTime withdrawnAt, @Bind("withdrawnBy") String withdrawnBy,
			@Bind("reason") String reason, @Bind("actionsRemoved") long actionsRemoved,
			@Bind("quarantinedRemoved") long quarantinedRemoved, @Bind("notReviewedRemoved") long notReviewedRemoved);

	/** Streams the sources' actions, for the copy kept as evidence. */
	@SqlQuery
	@FetchSize(1000)
	void actionsOf(@Bind("ids") long[] ids, Consumer<StoredAction> actions);

	@SqlBatch
	void insertWithdrawnActions(@Bind("withdrawalId") long withdrawalId,
			@BindMethods Collection<WithdrawnActionRow> rows);

	@SqlUpdate
	int deleteActions(@Bind("ids") long[] ids);

	@SqlUpdate
	int withdrawQuarantined(@Bind("ids") long[] ids, @Bind("withdrawalId") long withdrawalId);

	@SqlUpdate
	int withdrawSources(@Bind("ids") long[] ids, @Bind("withdrawalId") long withdrawalId);

	/** One {@code ingest_source} row. */
	record Source(long id, String sourceName, String sha256, Instant startedAt, Long withdrawalId) {
	}

	/** A withdrawal as recorded. */
	record Recorded(long id, String sourceName, String sha256, Instant withdrawnAt, String withdrawnBy, String reason) {
	}

	/** A row that chains onto a row the withdrawal would remove. */
	record LaterLink(String agent, long firstSeq, long seq, String actionId, String sourceName, String sha256) {
	}

	/** A withdrawn action as kept in {@code withdrawn_action} (public only for Jdbi). */
	record WithdrawnActionRow(String actionId, String agent, long seq, OffsetDateTime occurredAt, String hash,
			Long sourceLine, String content) {
	}

}
