package org.envelopereview.review.job;

import java.time.Instant;
import java.util.List;

import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import org.envelopereview.review.rules.UnknownEnvelopeRule.UnknownEnvelopeUse;

/**
 * The job's reads of the period's actions in {@code agent_action} (the ingest's table,
 * read only); the SQL is in the .sql files beside this type.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(PeriodActionsDao.Span.class)
@RegisterConstructorMapper(UnknownEnvelopeUse.class)
interface PeriodActionsDao {

	/**
	 * The evaluate step's cursor over one range ({@code from <= occurred_at < to}, two
	 * positional parameters). Read by a JDBC cursor reader, not through this DAO: it
	 * streams every action of the period, and {@link ReviewedAction} maps its rows by
	 * column position.
	 */
	String PERIOD_ACTIONS = ClasspathSqlLocator.removingComments().locate(PeriodActionsDao.class, "periodActions");

	@SqlQuery
	Span occurredAtSpan(@Bind("from") Instant from, @Bind("to") Instant to);

	/** The earliest action whose revertBy is in the period, or {@code null}. */
	@SqlQuery
	Instant earliestRevertByInPeriod(@Bind("start") Instant start, @Bind("end") Instant end);

	@SqlQuery
	long countPeriodActions(@Bind("start") Instant start, @Bind("end") Instant end);

	/**
	 * Actions read by the evaluate step's partitions of a job execution, as committed.
	 */
	@SqlQuery
	long partitionsRead(@Bind("jobExecutionId") long jobExecutionId);

	@SqlQuery
	List<UnknownEnvelopeUse> envelopesUsed(@Bind("start") Instant start, @Bind("end") Instant end);

	/**
	 * The first and last instant of the actions in [from, to); both null if there are
	 * none.
	 */
	record Span(@ColumnName("first_at") Instant first, @ColumnName("last_at") Instant last) {
	}

}
