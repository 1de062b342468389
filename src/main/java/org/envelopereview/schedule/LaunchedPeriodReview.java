package org.envelopereview.schedule;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.envelopereview.review.Period;
import org.envelopereview.review.ReviewLauncher;
import org.envelopereview.review.ReviewOutcome;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The review job behind the schedule: launched through {@link ReviewLauncher} (which
 * restarts a period's unfinished run), stopped through Spring Batch's operator.
 */
@Component
class LaunchedPeriodReview implements PeriodReview {

	private static final Logger log = LoggerFactory.getLogger(LaunchedPeriodReview.class);

	private final ReviewLauncher launcher;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job envelopeReviewJob;

	LaunchedPeriodReview(ReviewLauncher launcher, JobOperator jobOperator, JobRepository jobRepository,
			Job envelopeReviewJob) {
		this.launcher = launcher;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.envelopeReviewJob = envelopeReviewJob;
	}

	@Override
	public ReviewReport review(Period period, boolean recovering) {
		if (recovering) {
			// Quartz knows the node that ran it is gone: its execution, still marked
			// running,
			// is stale however recently it made progress
			for (JobExecution stale : runningExecutions(period)) {
				log.warn("Marking job execution {} of {} failed: the node running it stopped answering", stale.getId(),
						period.label());
				this.jobOperator.recover(stale);
			}
		}
		ReviewOutcome outcome = this.launcher.run(period, null, false);
		return new ReviewReport(outcome.status(), summary(outcome));
	}

	@Override
	public void stop(Period period) {
		for (JobExecution running : runningExecutions(period)) {
			try {
				this.jobOperator.stop(running);
			}
			catch (JobExecutionNotRunningException ex) {
				// it ended meanwhile
			}
			catch (OptimisticLockingFailureException ex) {
				// Spring Batch 6 stores STOPPING on the job execution, then updates the
				// running
				// step from its own stale copy, which the step itself has moved on since;
				// the
				// step still sees STOPPING at its next chunk and stops
				log.debug("Step of execution {} moved on while being stopped: {}", running.getId(), ex.getMessage());
			}
		}
	}

	private List<JobExecution> runningExecutions(Period period) {
		return this.jobRepository.findRunningJobExecutions(this.envelopeReviewJob.getName())
			.stream()
			.filter((execution) -> period.label().equals(execution.getJobParameters().getString("period")))
			.toList();
	}

	static String summary(ReviewOutcome outcome) {
		String run = "run " + outcome.runNumber() + " (id " + outcome.runId()
				+ (outcome.restarted() ? ", restarted" : "") + ") in " + outcome.elapsed().toSeconds() + " s";
		if (!outcome.completed()) {
			return run + ": " + outcome.failure();
		}
		int findings = outcome.findingsByBoard().values().stream().mapToInt(Integer::intValue).sum();
		return run + ": " + findings + " findings ("
				+ outcome.findingsByBoard()
					.entrySet()
					.stream()
					.map((board) -> board.getKey() + " " + board.getValue())
					.collect(Collectors.joining(", "))
				+ "), written to "
				+ outcome.outputDirs().values().stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

}
