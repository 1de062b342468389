package org.envelopereview.review.job;

import java.util.List;

import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;

import org.envelopereview.action.chain.AuditTrailVerifier;
import org.envelopereview.export.BoardExports;
import org.envelopereview.finding.FindingStore;
import org.envelopereview.review.output.BoardReviewAssembler;
import org.envelopereview.review.output.PackPublisher;
import org.envelopereview.review.output.ReviewOutputs;
import org.envelopereview.review.output.WriteOutputsTasklet;
import org.envelopereview.review.output.WritePacksTasklet;
import org.envelopereview.review.rules.ActionRule;
import org.envelopereview.review.run.ChainIntegrity;
import org.envelopereview.review.run.ChainVerificationRequest;
import org.envelopereview.review.run.FindingRouter;
import org.envelopereview.review.run.ReportedOnce;
import org.envelopereview.review.run.RunEnvelopes;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The review job: snapshot envelopes → attribute actions to envelopes by principal →
 * verify the audit trail → evaluate the period's actions (chunk-oriented, streaming,
 * ordered) → assess envelopes → write outputs → write the signed packs. Every step is
 * idempotent per run, so a failed run restarts where it stopped.
 */
@Configuration(proxyBeanMethods = false)
class ReviewJobConfiguration {

	static final int RANGES_PER_THREAD = 8;

	static final String JOB_NAME = "envelopeReviewJob";

	static final int FETCH_SIZE = 1000;

	static final String EVALUATE_STEP = "evaluateActionsStep";

	@Bean
	Job envelopeReviewJob(JobRepository jobRepository, Step snapshotEnvelopesStep, Step attributeActionsStep,
			Step verifyAuditTrailStep, Step evaluateActionsStep, Step assessEnvelopesStep, Step writeOutputsStep,
			Step writePacksStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(snapshotEnvelopesStep)
			.next(attributeActionsStep)
			.next(verifyAuditTrailStep)
			.next(evaluateActionsStep)
			.next(assessEnvelopesStep)
			.next(writeOutputsStep)
			.next(writePacksStep)
			.build();
	}

	@Bean
	Step snapshotEnvelopesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SnapshotEnvelopesTasklet snapshotEnvelopesTasklet, StepProgress stepProgress) {
		return new StepBuilder("snapshotEnvelopesStep", jobRepository)
			.tasklet(snapshotEnvelopesTasklet, transactionManager)
			.listener(stepProgress)
			.build();
	}

	/**
	 * Runs again when a run restarts: the attribution is shared by every run, and another
	 * run may have changed it since from envelope files of its own.
	 */
	@Bean
	Step attributeActionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AttributeActionsTasklet attributeActionsTasklet, StepProgress stepProgress) {
		return new StepBuilder("attributeActionsStep", jobRepository)
			.tasklet(attributeActionsTasklet, transactionManager)
			.allowStartIfComplete(true)
			.listener(stepProgress)
			.build();
	}

	@Bean
	Step verifyAuditTrailStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			VerifyAuditTrailTasklet verifyAuditTrailTasklet, StepProgress stepProgress) {
		return new StepBuilder("verifyAuditTrailStep", jobRepository)
			.tasklet(verifyAuditTrailTasklet, transactionManager)
			.listener(stepProgress)
			.build();
	}

	/**
	 * The period's actions in time ranges of equal length, evaluated by
	 * {@code review.job.threads} workers at once: each range streams from its own cursor,
	 * so the database produces one range's rows while another range is judged. Several
	 * ranges per worker, each worker taking the next when it finishes one, keep every
	 * worker busy however unevenly the actions fall in time.
	 */
	@Bean
	@Conditional(LocalWorkers.class)
	Step evaluateActionsStep(JobRepository jobRepository, EvaluationWorkerStep evaluateActionsPartition,
			EvaluationPartitioner evaluationPartitioner, EvaluationProgress evaluationProgress,
			StepProgress stepProgress, @Value("${review.job.threads:2}") int threads) {
		SimpleAsyncTaskExecutor workers = new SimpleAsyncTaskExecutor("evaluate-");
		workers.setConcurrencyLimit(threads);
		return new StepBuilder(EVALUATE_STEP, jobRepository)
			.partitioner(evaluateActionsPartition.getName(), evaluationPartitioner)
			.step(evaluateActionsPartition)
			.gridSize(threads * RANGES_PER_THREAD)
			.taskExecutor(workers)
			.listener(stepProgress)
			.listener(evaluationProgress)
			.build();
	}

	/**
	 * One range of the evaluate step, started by the partitioned step for each range, or
	 * by a worker process for each request it takes
	 * ({@link RemoteEvaluationConfiguration}).
	 */
	@Bean
	EvaluationWorkerStep evaluateActionsPartition(JobRepository jobRepository,
			PlatformTransactionManager transactionManager, DataSource dataSource, List<ActionRule> rules,
			FindingRouter router, ReviewedRun reviewedRun, FindingStore store, EvaluationProgress evaluationProgress,
			@Value("${review.job.chunk-size:5000}") int chunkSize) {
		return new EvaluationWorkerStep(jobRepository, transactionManager, dataSource, rules, router, reviewedRun,
				store, evaluationProgress, chunkSize);
	}

	/**
	 * The evaluate step on this process's threads: {@code review.job.workers} is not
	 * remote.
	 */
	static class LocalWorkers extends NoneNestedConditions {

		LocalWorkers() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = RemoteEvaluationConfiguration.WORKERS, havingValue = "remote")
		static class RemoteWorkers {

		}

	}

	@Bean
	Step assessEnvelopesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AssessEnvelopesTasklet assessEnvelopesTasklet, StepProgress stepProgress) {
		return new StepBuilder("assessEnvelopesStep", jobRepository).tasklet(assessEnvelopesTasklet, transactionManager)
			.listener(stepProgress)
			.build();
	}

	@Bean
	Step writeOutputsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			WriteOutputsTasklet writeOutputsTasklet, StepProgress stepProgress) {
		return new StepBuilder("writeOutputsStep", jobRepository).tasklet(writeOutputsTasklet, transactionManager)
			.listener(stepProgress)
			.build();
	}

	/**
	 * Outside a database transaction: rendering a large pack takes minutes, and the step
	 * only reads.
	 */
	@Bean
	Step writePacksStep(JobRepository jobRepository, WritePacksTasklet writePacksTasklet, StepProgress stepProgress) {
		return new StepBuilder("writePacksStep", jobRepository)
			.tasklet(writePacksTasklet, new ResourcelessTransactionManager())
			.listener(stepProgress)
			.build();
	}

	/** What the run reviews, read once per job execution: the steps share it. */
	@Bean
	@JobScope
	ReviewedRun reviewedRun(RunEnvelopes envelopes, @Value("#{jobParameters['runId']}") Long runId) {
		return new ReviewedRun(envelopes, runId);
	}

	@Bean
	@StepScope
	SnapshotEnvelopesTasklet snapshotEnvelopesTasklet(RunEnvelopes envelopes, ReviewedRun reviewedRun,
			ReportedOnce reportedOnce, @Value("#{jobParameters['strict']}") String strict) {
		return new SnapshotEnvelopesTasklet(envelopes, reviewedRun, reportedOnce, Boolean.parseBoolean(strict));
	}

	@Bean
	@StepScope
	AttributeActionsTasklet attributeActionsTasklet(Jdbi jdbi, ReviewedRun reviewedRun) {
		return new AttributeActionsTasklet(jdbi, reviewedRun.inputs());
	}

	@Bean
	@StepScope
	VerifyAuditTrailTasklet verifyAuditTrailTasklet(AuditTrailVerifier verifier, ChainIntegrity integrity,
			FindingStore store, FindingRouter router, ReviewedRun reviewedRun,
			@Value("#{jobParameters['verifyChains']}") String verifyChains) {
		return new VerifyAuditTrailTasklet(verifier, integrity, store, router, reviewedRun.inputs(),
				ChainVerificationRequest.FULL.parameter().equals(verifyChains));
	}

	@Bean
	@StepScope
	EvaluationPartitioner evaluationPartitioner(Jdbi jdbi, ReviewedRun reviewedRun) {
		return new EvaluationPartitioner(jdbi, reviewedRun.inputs());
	}

	@Bean
	@StepScope
	AssessEnvelopesTasklet assessEnvelopesTasklet(EnvelopeAssessment assessment, ReviewedRun reviewedRun) {
		return new AssessEnvelopesTasklet(assessment, reviewedRun.inputs());
	}

	@Bean
	@StepScope
	WriteOutputsTasklet writeOutputsTasklet(ReviewOutputs outputs, FindingStore store, BoardReviewAssembler assembler,
			BoardExports exports, ReviewedRun reviewedRun) {
		return new WriteOutputsTasklet(outputs, store, assembler, exports, reviewedRun.inputs());
	}

	/**
	 * Assembles the boards from what the run stored, so a restart in a new process builds
	 * the same packs.
	 */
	@Bean
	@StepScope
	WritePacksTasklet writePacksTasklet(BoardReviewAssembler assembler, PackPublisher publisher,
			ReviewedRun reviewedRun) {
		return new WritePacksTasklet(assembler, publisher, reviewedRun.inputs());
	}

}
