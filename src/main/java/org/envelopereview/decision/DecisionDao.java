package org.envelopereview.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Rows of {@code decision_record}, {@code board_decision} and {@code decision_check}, and
 * what the decisions are checked against; the SQL is in the .sql files beside this type.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(DecisionDao.RecordRow.class)
@RegisterConstructorMapper(DecisionDao.DecisionRow.class)
@RegisterConstructorMapper(DecisionDao.PackRun.class)
@RegisterConstructorMapper(DecisionDao.ActionAfter.class)
@RegisterConstructorMapper(DecisionDao.CheckRow.class)
@RegisterConstructorMapper(DecisionDao.ReviewedPeriod.class)
@RegisterConstructorMapper(DecisionDao.RecommendationRow.class)
interface DecisionDao {

	@SqlQuery
	Optional<RecordRow> findRecord(@Bind("board") String boardId, @Bind("period") String period);

	@SqlUpdate
	@GetGeneratedKeys("id")
	long insertRecord(@BindMethods RecordRow row);

	@SqlBatch
	void insertDecisions(@Bind("recordId") long recordId, @BindMethods List<DecisionRow> rows);

	/** Every recorded decision, of one board or (board {@code null}) of all. */
	@SqlQuery
	List<DecisionRow> decisions(@Bind("board") String boardId);

	@SqlQuery
	Optional<PackRun> latestPackRun(@Bind("period") String period, @Bind("board") String boardId);

	@SqlQuery
	List<ReviewedPeriod> completedPeriods();

	@SqlQuery
	Optional<PackRun> packRun(@Bind("period") String period, @Bind("runNumber") int runNumber);

	@SqlQuery
	Optional<ActionAfter> firstActionAfter(@Bind("envelope") String envelopeId, @Bind("after") Instant after,
			@Bind("before") Instant before);

	@SqlUpdate
	void deleteChecks(@Bind("runId") long runId);

	@SqlBatch
	void insertChecks(@Bind("runId") long runId, @BindMethods List<CheckRow> rows);

	@SqlQuery
	List<CheckRow> checks(@Bind("runId") long runId, @Bind("board") String boardId);

	/** The latest check of every recorded decision, for the ledger. */
	@SqlQuery
	List<CheckRow> latestChecks();

	/** A row of {@code decision_record}. */
	record RecordRow(long id, String period, Instant periodStart, Instant periodEnd, String boardId, long runId,
			String packSha256, String fileName, String fileSha256, String content, Instant recordedAt) {
	}

	/** A row of {@code board_decision} with its file's period, board and digests. */
	record DecisionRow(long recordId, String period, Instant periodEnd, String boardId, long runId, String envelopeId,
			String decision, String decidedBy, LocalDate decidedAt, LocalDate dueDate, String justification,
			String requiredChange, int lineNumber, Instant recordedAt, String fileSha256, String packSha256) {
	}

	/** A period some completed run reviewed. */
	record ReviewedPeriod(String period, Instant periodStart, Instant periodEnd) {
	}

	/** A completed review run whose pack a board can answer. */
	record PackRun(long id, String period, int runNumber) {
	}

	/** The first action under an envelope in a window. */
	record ActionAfter(String id, Instant occurredAt) {
	}

	/** What the run recommended for the board's envelopes. */
	@SqlQuery
	List<RecommendationRow> recommendations(@Bind("runId") long runId, @Bind("board") String boardId);

	/** A row of {@code envelope_recommendation}: its reasons and proposal as JSON. */
	record RecommendationRow(String envelopeId, String outcome, String detail) {
	}

	/** A row of {@code decision_check}. */
	record CheckRow(long recordId, String envelopeId, String boardId, String status, String detail, String period) {
	}

}
