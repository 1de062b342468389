package org.envelopereview.schedule;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads the review runs and the scheduler nodes that the schedule and status report on.
 */
@UseClasspathSqlLocator
interface ReviewRunHistory {

	@SqlQuery
	boolean hasCompletedRun(@Bind("period") String period);

	@SqlQuery
	@RegisterConstructorMapper(ReviewRunRow.class)
	List<ReviewRunRow> latestRuns(@Bind("limit") int limit);

	@SqlQuery
	@RegisterConstructorMapper(SeverityCount.class)
	List<SeverityCount> findingCounts(@BindList("runIds") Collection<Long> runIds);

	@SqlQuery
	@RegisterConstructorMapper(SchedulerNode.class)
	List<SchedulerNode> schedulerNodes(@Bind("schedulerName") String schedulerName);

	/** A row of {@code review_run}. */
	record ReviewRunRow(long id, String period, int runNumber, String status, Instant startedAt, Instant finishedAt,
			String outputDir) {

		Optional<Instant> finished() {
			return Optional.ofNullable(this.finishedAt);
		}

	}

	/** How many findings of one severity a run has. */
	record SeverityCount(long runId, String severity, long findings) {
	}

}
