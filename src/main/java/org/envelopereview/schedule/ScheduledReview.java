package org.envelopereview.schedule;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.envelopereview.period.Period;
import org.envelopereview.review.run.ReviewRuns;
import org.envelopereview.schedule.PeriodReview.ReviewReport;

import org.springframework.stereotype.Component;

/**
 * A fire of the schedule on this node: reviews the period unless it already has a
 * completed run, and can be stopped for a graceful shutdown.
 */
@Component
class ScheduledReview {

	private static final Logger log = LoggerFactory.getLogger(ScheduledReview.class);

	private final ReviewRuns runs;

	private final PeriodReview review;

	private final AtomicInteger reviewsRun = new AtomicInteger();

	private volatile Running running;

	ScheduledReview(ReviewRuns runs, PeriodReview review) {
		this.runs = runs;
		this.review = review;
	}

	/** Reviews the period once; a period that already has a completed run is skipped. */
	void perform(Period period, boolean recovering) {
		if (this.runs.hasCompletedRun(period.label())) {
			log.info("Period {} already has a completed review run: not reviewing it again", period.label());
			return;
		}
		Running current = new Running(period, new CompletableFuture<>());
		this.running = current;
		try {
			log.info(recovering ? "Recovering the review of {}: the node that started it stopped answering"
					: "Reviewing {}", period.label());
			ReviewReport report = this.review.review(period, recovering);
			this.reviewsRun.incrementAndGet();
			current.ended().complete(report);
			log.info("Review of {} ended {}: {}", period.label(), report.status(), report.summary());
		}
		catch (RuntimeException ex) {
			current.ended().completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.running = null;
		}
	}

	/** The period this node is reviewing right now, if any. */
	Optional<Period> reviewing() {
		Running current = this.running;
		return Optional.ofNullable(current).map(Running::period);
	}

	int reviewsRun() {
		return this.reviewsRun.get();
	}

	/**
	 * Stops this node's running review, if any, and waits for it to end. Returns the
	 * period when the review ended stopped (or did not end in time) so that it can be
	 * resumed.
	 */
	Optional<Period> stopRunning(Duration timeout) {
		Running current = this.running;
		if (current == null) {
			return Optional.empty();
		}
		log.info("Stopping the review of {} so that it can be restarted", current.period().label());
		try {
			this.review.stop(current.period());
		}
		catch (RuntimeException ex) {
			log.warn("Could not ask the review of {} to stop ({}); waiting for it to end", current.period().label(),
					ex.getMessage());
		}
		try {
			ReviewReport report = current.ended().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return report.stopped() ? Optional.of(current.period()) : Optional.empty();
		}
		catch (TimeoutException ex) {
			log.warn("The review of {} did not stop within {}", current.period().label(), timeout);
			return Optional.of(current.period());
		}
		catch (ExecutionException ex) {
			return Optional.of(current.period());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.of(current.period());
		}
	}

	private record Running(Period period, CompletableFuture<ReviewReport> ended) {
	}

}
