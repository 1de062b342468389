package org.envelopereview.review.job;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.envelopereview.support.H2IntegrationTest;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.SimpleJob;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/** Each step of a review run names itself on stderr as it starts. */
class StepProgressTests extends H2IntegrationTest {

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final StepProgress progress = new StepProgress(new PrintStream(this.printed, true, StandardCharsets.UTF_8));

	private final JobExecution run = new JobExecution(3, new JobInstance(1, ReviewJobConfiguration.JOB_NAME),
			new JobParametersBuilder().addString("period", "2026-Q3").toJobParameters());

	@Test
	void shouldNameTheStepItsNumberAndThePeriod() {
		this.progress.beforeStep(new StepExecution(7, "verifyAuditTrailStep", this.run));

		assertThat(this.printed.toString(StandardCharsets.UTF_8))
			.isEqualTo("Review 2026-Q3, step 3 of 7: verifying the agents' hash chains" + System.lineSeparator());
	}

	@Test
	void shouldStayQuietForTheEvaluateStepsRanges() {
		this.progress.beforeStep(new StepExecution(8, EvaluationWorkerStep.NAME + ":2026-07-01/2026-07-07", this.run));

		assertThat(this.printed.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void shouldListTheStepsOfTheReviewJobInTheirOrder() {
		SimpleJob job = (SimpleJob) bean(Job.class);

		assertThat(StepProgress.STEPS).extracting(StepProgress.Step::name)
			.containsExactlyElementsOf(job.getStepNames());
	}

}
