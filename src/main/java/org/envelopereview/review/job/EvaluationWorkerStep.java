package org.envelopereview.review.job;

import java.sql.Connection;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.observation.ObservationRegistry;

import org.envelopereview.finding.FindingStore;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.review.rules.ActionRule;
import org.envelopereview.review.run.FindingRouter;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The evaluate step's worker: one time range of the partitioner read, judged and written
 * as a chunk-oriented step of its own, with a cursor of its own.
 *
 * <p>
 * The chunk-oriented step is built when its range runs, so that reader, processor and
 * writer are plain objects of that range and run. As step-scoped beans they were proxies
 * that looked the target up in the bean factory on every call, several times per action
 * (a sixth of the step's CPU; the proxy overhead is spring-batch#2393). And a step that
 * is a bean gets the application's observation registry, which times every item read and
 * processed: in 6.0.4 BatchObservabilityBeanPostProcessor gives every AbstractStep bean
 * the application's ObservationRegistry and ChunkOrientedStep observes each item (no
 * upstream issue).
 */
final class EvaluationWorkerStep implements Step {

	static final String NAME = "evaluateActionsPartition";

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final DataSource dataSource;

	private final List<ActionRule> rules;

	private final FindingRouter router;

	private final ReviewedRun run;

	private final FindingStore store;

	private final EvaluationProgress progress;

	private final int chunkSize;

	EvaluationWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DataSource dataSource, List<ActionRule> rules, FindingRouter router, ReviewedRun run, FindingStore store,
			EvaluationProgress progress, int chunkSize) {
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.dataSource = dataSource;
		this.rules = List.copyOf(rules);
		this.router = router;
		this.run = run;
		this.store = store;
		this.progress = progress;
		this.chunkSize = chunkSize;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public void execute(StepExecution stepExecution) throws JobInterruptedException {
		// a partition runs on a worker thread, where Spring Batch registers the step's
		// execution but not the job's, so the job-scoped run is out of reach
		// (spring-projects/spring-batch#1335, closed as documentation): register it here.
		// Registered by id, it joins the job thread's context and its run.
		JobSynchronizationManager.register(stepExecution.getJobExecution());
		try {
			rangeStep(stepExecution).execute(stepExecution);
		}
		finally {
			JobSynchronizationManager.release();
		}
	}

	/**
	 * Actions before the period are judged only by deadline rules; a restart resumes
	 * after the range's last committed chunk (the reader saves its position, and
	 * {@link CommittedChunkState} keeps that position honest when a commit fails).
	 */
	private Step rangeStep(StepExecution stepExecution) {
		long runId = stepExecution.getJobParameters().getLong("runId");
		return new StepBuilder(NAME, this.jobRepository).<ReviewedAction, List<StoredFinding>>chunk(this.chunkSize)
			.transactionManager(this.transactionManager)
			.reader(reader(EvaluationPartitioner.range(stepExecution.getStepName())))
			.processor(new ActionEvaluator(this.rules, this.router, this.run.inputs()))
			.writer(new FindingWriter(this.store, runId))
			.listener(this.progress.counter(stepExecution.getJobExecutionId()))
			.listener(new CommittedChunkState())
			.observationRegistry(ObservationRegistry.NOOP)
			.faultTolerant()
			.retry(TransientDataAccessException.class)
			.retryLimit(3)
			.build();
	}

	/**
	 * The range's two instants, after switching PostgreSQL's JIT off for the reader's
	 * transaction (SET LOCAL: the cursor holds its own connection and transaction).
	 * Pairing agent records with provider events (SPEC §7) raised the query's estimated
	 * cost past {@code jit_optimize_above_cost}: PostgreSQL then spent about 2.6 s
	 * compiling each range's query, and the evaluate step of 200,000 actions took 53 s
	 * (14 s with JIT off; 18 s before the pairing). This is PostgreSQL's cost-based JIT
	 * working as documented, not a bug; no upstream issue. H2 has no JIT.
	 */
	private static PreparedStatementSetter withoutJit(EvaluationPartitioner.Range range) {
		return (statement) -> {
			Connection connection = statement.getConnection();
			if ("PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
				try (Statement set = connection.createStatement()) {
					set.execute("SET LOCAL jit = off");
				}
			}
			statement.setObject(1, range.from().atOffset(ZoneOffset.UTC));
			statement.setObject(2, range.to().atOffset(ZoneOffset.UTC));
		};
	}

	/** The range's actions, ordered by (occurred_at, id) so a restart finds its place. */
	private JdbcCursorItemReader<ReviewedAction> reader(EvaluationPartitioner.Range range) {
		return new JdbcCursorItemReaderBuilder<ReviewedAction>().name("periodActionReader")
			.dataSource(this.dataSource)
			.sql(PeriodActionsDao.PERIOD_ACTIONS)
			.preparedStatementSetter(withoutJit(range))
			.rowMapper((row, rowNumber) -> ReviewedAction.fromRow(row))
			.fetchSize(ReviewJobConfiguration.FETCH_SIZE)
			.connectionAutoCommit(false)
			.saveState(true)
			.build();
	}

}
