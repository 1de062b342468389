package org.envelopereview.review.output;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import org.envelopereview.review.output.BoardReview.NotReviewedEvent;
import org.envelopereview.review.output.BoardReview.QuarantinedRecord;
import org.envelopereview.review.output.BoardReview.SourceFile;
import org.envelopereview.review.output.BoardReview.Withdrawal;

/**
 * The packs' reads of the ingest's tables ({@code agent_action},
 * {@code quarantined_record}, read only); the SQL is in the .sql files beside this type.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(QuarantinedRecord.class)
@RegisterConstructorMapper(NotReviewedEvent.class)
@RegisterConstructorMapper(Withdrawal.class)
@RegisterConstructorMapper(SourceFile.class)
@RegisterConstructorMapper(BoardReviewDao.IdAndHash.class)
interface BoardReviewDao {

	/**
	 * The period's quarantined records and those with no time that the run reports; none
	 * of a withdrawn source.
	 */
	@SqlQuery
	List<QuarantinedRecord> quarantined(@Bind("start") Instant start, @Bind("end") Instant end,
			@Bind("runId") long runId);

	/**
	 * Write events not reviewed on the days from start (inclusive) to end (exclusive).
	 */
	@SqlQuery
	List<NotReviewedEvent> notReviewed(@Bind("startDay") LocalDate startDay, @Bind("endDay") LocalDate endDay);

	@SqlQuery
	List<Withdrawal> withdrawals(@Bind("runId") long runId);

	@SqlQuery
	List<SourceFile> sources(@Bind("start") Instant start, @Bind("end") Instant end,
			@Bind("startDay") LocalDate startDay, @Bind("endDay") LocalDate endDay, @Bind("runId") long runId);

	/**
	 * Streams the period's action set to {@code actions}: in a transaction, where
	 * PostgreSQL honours the fetch size rather than loading the whole period.
	 */
	@SqlQuery
	@FetchSize(1000)
	void actionSet(@Bind("start") Instant start, @Bind("end") Instant end, Consumer<IdAndHash> actions);

	/** An action of the set: its id and chain hash. */
	record IdAndHash(String id, String hash) {
	}

}
