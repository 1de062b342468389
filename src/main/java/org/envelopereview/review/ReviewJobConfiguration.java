package org.envelopereview.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;

import org.envelopereview.action.AuditTrailVerifier;
import org.envelopereview.envelope.ActionClass;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The review job: snapshot envelopes → verify the audit trail → evaluate the period's
 * actions (chunk-oriented, streaming, ordered) → assess envelopes → write outputs → write
 * the signed packs. Every step is idempotent per run, so a failed run restarts where it
 * stopped.
 */
@Configuration(proxyBeanMethods = false)
class ReviewJobConfiguration {

	static final String JOB_NAME = "envelopeReviewJob";

	static final int FETCH_SIZE = 1000;

	@Bean
	Job envelopeReviewJob(JobRepository jobRepository, Step snapshotEnvelopesStep, Step verifyAuditTrailStep,
			Step evaluateActionsStep, Step assessEnvelopesStep, Step writeOutputsStep, Step writePacksStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(snapshotEnvelopesStep)
			.next(verifyAuditTrailStep)
			.next(evaluateActionsStep)
			.next(assessEnvelopesStep)
			.next(writeOutputsStep)
			.next(writePacksStep)
			.build();
	}

	@Bean
	Step snapshotEnvelopesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SnapshotEnvelopesTasklet snapshotEnvelopesTasklet) {
		return new StepBuilder("snapshotEnvelopesStep", jobRepository)
			.tasklet(snapshotEnvelopesTasklet, transactionManager)
			.build();
	}

	@Bean
	Step verifyAuditTrailStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			VerifyAuditTrailTasklet verifyAuditTrailTasklet) {
		return new StepBuilder("verifyAuditTrailStep", jobRepository)
			.tasklet(verifyAuditTrailTasklet, transactionManager)
			.build();
	}

	@Bean
	Step evaluateActionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcCursorItemReader<ReviewedAction> periodActionReader, ActionEvaluator actionEvaluator,
			FindingWriter findingWriter, EvaluationProgress evaluationProgress, CommittedChunkState committedChunkState,
			@Value("${review.job.chunk-size:1000}") int chunkSize) {
		return new StepBuilder("evaluateActionsStep", jobRepository)
			.<ReviewedAction, List<StoredFinding>>chunk(chunkSize)
			.transactionManager(transactionManager)
			.reader(periodActionReader)
			.processor(actionEvaluator)
			.writer(findingWriter)
			.listener(evaluationProgress)
			.listener(committedChunkState)
			.faultTolerant()
			.retry(TransientDataAccessException.class)
			.retryLimit(3)
			.build();
	}

	@Bean
	Step assessEnvelopesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AssessEnvelopesTasklet assessEnvelopesTasklet) {
		return new StepBuilder("assessEnvelopesStep", jobRepository).tasklet(assessEnvelopesTasklet, transactionManager)
			.build();
	}

	@Bean
	Step writeOutputsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			WriteOutputsTasklet writeOutputsTasklet) {
		return new StepBuilder("writeOutputsStep", jobRepository).tasklet(writeOutputsTasklet, transactionManager)
			.build();
	}

	/**
	 * Outside a database transaction: rendering a large pack takes minutes, and the step
	 * only reads.
	 */
	@Bean
	Step writePacksStep(JobRepository jobRepository, WritePacksTasklet writePacksTasklet) {
		return new StepBuilder("writePacksStep", jobRepository)
			.tasklet(writePacksTasklet, new ResourcelessTransactionManager())
			.build();
	}

	@Bean
	@StepScope
	SnapshotEnvelopesTasklet snapshotEnvelopesTasklet(RunEnvelopes envelopes,
			@Value("#{jobParameters['runId']}") Long runId, @Value("#{jobParameters['strict']}") String strict) {
		return new SnapshotEnvelopesTasklet(envelopes, runId, Boolean.parseBoolean(strict));
	}

	@Bean
	@StepScope
	VerifyAuditTrailTasklet verifyAuditTrailTasklet(AuditTrailVerifier verifier, ChainIntegrity integrity,
			FindingStore store, FindingRouter router, RunEnvelopes envelopes,
			@Value("#{jobParameters['runId']}") Long runId) {
		return new VerifyAuditTrailTasklet(verifier, integrity, store, router, envelopes.inputs(runId));
	}

	/**
	 * The actions from the look-back start to the period's end, ordered by (occurred_at,
	 * id); saveState lets a restart resume after the last committed chunk. The look-back
	 * reaches as far as the earliest action whose revert deadline can fall in the period:
	 * the longest maxDuration before the start, or an earlier action whose revertBy is in
	 * the period. Actions before the period are judged only by deadline rules.
	 */
	@Bean
	@StepScope
	JdbcCursorItemReader<ReviewedAction> periodActionReader(DataSource dataSource, Jdbi jdbi, RunEnvelopes envelopes,
			@Value("#{jobParameters['runId']}") Long runId) {
		RunInputs inputs = envelopes.inputs(runId);
		Period period = inputs.period();
		Instant lookback = period.start().minus(longestMaxDuration(inputs));
		Instant earliestRevertBy = jdbi.withHandle((handle) -> handle
			.createQuery(SqlFiles.sql(ReviewJobConfiguration.class, "earliest-with-revert-by-in-period"))
			.bind("start", SqlFiles.utc(period.start()))
			.bind("end", SqlFiles.utc(period.end()))
			.map((row, ctx) -> SqlFiles.instant(row, 1))
			.findOne()
			.orElse(null));
		if (earliestRevertBy != null && earliestRevertBy.isBefore(lookback)) {
			lookback = earliestRevertBy;
		}
		return new JdbcCursorItemReaderBuilder<ReviewedAction>().name("periodActionReader")
			.dataSource(dataSource)
			.sql(SqlFiles.sql(ReviewJobConfiguration.class, "period-actions"))
			.queryArguments(SqlFiles.utc(lookback), SqlFiles.utc(period.end()))
			.rowMapper((row, rowNumber) -> ReviewedAction.fromRow(row))
			.fetchSize(FETCH_SIZE)
			.connectionAutoCommit(false)
			.saveState(true)
			.build();
	}

	@Bean
	@StepScope
	ActionEvaluator actionEvaluator(List<ActionRule> rules, FindingRouter router, RunEnvelopes envelopes,
			@Value("#{jobParameters['runId']}") Long runId) {
		return new ActionEvaluator(rules, router, envelopes.inputs(runId));
	}

	@Bean
	@StepScope
	FindingWriter findingWriter(FindingStore store, @Value("#{jobParameters['runId']}") Long runId) {
		return new FindingWriter(store, runId);
	}

	@Bean
	@StepScope
	CommittedChunkState committedChunkState() {
		return new CommittedChunkState();
	}

	@Bean
	@StepScope
	EvaluationProgress evaluationProgress(Jdbi jdbi, RunEnvelopes envelopes,
			@Value("#{jobParameters['runId']}") Long runId) {
		Period period = envelopes.inputs(runId).period();
		long total = jdbi.withHandle(
				(handle) -> handle.createQuery(SqlFiles.sql(ReviewJobConfiguration.class, "count-period-actions"))
					.bind("start", SqlFiles.utc(period.start()))
					.bind("end", SqlFiles.utc(period.end()))
					.mapTo(Long.class)
					.one());
		return new EvaluationProgress(period.label(), total);
	}

	@Bean
	@StepScope
	AssessEnvelopesTasklet assessEnvelopesTasklet(EnvelopeAssessment assessment, RunEnvelopes envelopes,
			@Value("#{jobParameters['runId']}") Long runId) {
		return new AssessEnvelopesTasklet(assessment, envelopes.inputs(runId));
	}

	@Bean
	@StepScope
	WriteOutputsTasklet writeOutputsTasklet(ReviewOutputs outputs, FindingStore store, RunEnvelopes envelopes,
			@Value("#{jobParameters['runId']}") Long runId) {
		return new WriteOutputsTasklet(outputs, store, envelopes.inputs(runId));
	}

	@Bean
	@StepScope
	WritePacksTasklet writePacksTasklet(BoardReviewAssembler assembler, PackPublisher publisher, RunEnvelopes envelopes,
			@Value("#{jobParameters['runId']}") Long runId) {
		return new WritePacksTasklet(assembler, publisher, envelopes.inputs(runId));
	}

	private static Duration longestMaxDuration(RunInputs inputs) {
		return inputs.catalog()
			.envelopes()
			.stream()
			.flatMap((envelope) -> envelope.actions().stream())
			.map(ActionClass::maxDuration)
			.filter(Objects::nonNull)
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
	}

}
