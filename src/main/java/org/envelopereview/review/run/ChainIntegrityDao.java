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

/**
 * Rows of {@code review_integrity} and {@code review_chain_break}; the SQL is in the .sql
 * files beside this type.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(ChainBreak.class)
interface ChainIntegrityDao {

	@SqlUpdate
	void deleteBreaks(@Bind("runId") long runId);

	@SqlUpdate
	void deleteSummary(@Bind("runId") long runId);

	@SqlUpdate
	void insertSummary(@Bind("runId") long runId, @Bind("rowsChecked") long rowsChecked);

	@SqlBatch
	void insertBreaks(@Bind("runId") long runId, @BindMethods List<BreakRow> breaks);

	@SqlQuery
	Optional<Long> rowsChecked(@Bind("runId") long runId);

	@SqlQuery
	List<ChainBreak> breaks(@Bind("runId") long runId);

	/** The envelope column of an action, read-only: the action's row is the ingest's. */
	@SqlQuery
	Optional<String> envelopeOf(@Bind("id") String actionId);

	/** A row of {@code review_chain_break}, as bound by {@code insertBreaks.sql}. */
	record BreakRow(int ordinal, String agent, long seq, String kind, String actionId, Instant occurredAt,
			String detail) {
	}

}
