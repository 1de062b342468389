package org.envelopereview.schedule;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.envelopereview.period.Period;
import org.envelopereview.review.ReviewLauncher;
import org.envelopereview.review.ReviewOutcome;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The review job behind the schedule: launched through {@link ReviewLauncher} (which
 * restarts a period's unfinished run), stopped through the job repository.
 */
@Component
class LaunchedPeriodReview implements PeriodReview {

	private static final Logger log = LoggerFactory.getLogger(LaunchedPeriodReview.class);

	private final ReviewLauncher launcher;

	private final JobRepository jobRepository;

	private final Job envelopeReviewJob;

	LaunchedPeriodReview(ReviewLauncher launcher, JobRepository jobRepository, Job envelopeReviewJob) {
		this.launcher = launcher;
		this.jobRepository = jobRepository;
		this.envelopeReviewJob = envelopeReviewJob;
	}

	/**
	 * Launches the review. A {@code recovering} fire needs nothing more: the launcher
	 * takes the period's lock, which the dead node's connection no longer holds, and
	 * marks the run's execution left running failed before restarting it. Marking it
	 * here, before the lock, could fail the execution of a process still reviewing the
	 * period (a {@code run} from the command line).
	 */
	@Override
	public ReviewReport review(Period period, boolean recovering) {
		ReviewOutcome outcome = this.launcher.run(period, null, false);
		return new ReviewReport(outcome.status(), summary(outcome, outcome.packs()));
	}

	/**
	 * Marks the period's running execution STOPPING; the running step reads that at its
	 * next chunk and stops, so the run ends STOPPED and can be restarted. Not
	 * {@code JobOperator.stop}: in Spring Batch 6.0 it also writes the running step
	 * execution from a second copy, racing the step's own writes (spring-batch#5120,
	 * #5484), and when the step loses the race the run ends UNKNOWN, which cannot be
	 * restarted.
	 */
	@Override
	public void stop(Period period) {
		for (int attempt = 1; attempt <= 3; attempt++) {
			try {
				for (JobExecution running : runningExecutions(period)) {
					running.setStatus(BatchStatus.STOPPING);
					this.jobRepository.update(running);
				}
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// the job wrote its execution meanwhile: read it again
				log.debug("Execution of {} moved on while being stopped (attempt {}): {}", period.label(), attempt,
						ex.getMessage());
			}
		}
	}

	private List<JobExecution> runningExecutions(Period period) {
		return this.jobRepository.findRunningJobExecutions(this.envelopeReviewJob.getName())
			.stream()
			.filter((execution) -> period.label().equals(execution.getJobParameters().getString("period")))
			.toList();
	}

	static String summary(ReviewOutcome outcome, List<Path> packs) {
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
				+ "); " + (packs.isEmpty() ? "written to " + outcome.outputDirs().values() : "packs " + packs);
	}

}
