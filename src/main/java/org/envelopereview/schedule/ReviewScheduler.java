package org.envelopereview.schedule;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.KeyMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.envelopereview.period.Period;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This node's scheduler of periodic reviews in Quartz's clustered job store: registers
 * the schedule, starts firing, and stops gracefully with the application.
 */
@Component
public class ReviewScheduler {

	private static final Logger log = LoggerFactory.getLogger(ReviewScheduler.class);

	private final Scheduler scheduler;

	private final ReviewSchedule schedule;

	private final ScheduledReview review;

	private final ScheduleProperties properties;

	private final ApplicationContext context;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile boolean started;

	ReviewScheduler(Scheduler scheduler, ReviewSchedule schedule, ScheduledReview review, ScheduleProperties properties,
			ApplicationContext context) {
		this.scheduler = scheduler;
		this.schedule = schedule;
		this.review = review;
		this.properties = properties;
		this.context = context;
	}

	/**
	 * Registers the schedule (keeping the stored trigger when the configuration has not
	 * changed, so that a missed fire is still run once) and starts firing on this node.
	 */
	public NextReview start() throws SchedulerException {
		this.schedule.register();
		this.scheduler.getListenerManager()
			.addJobListener(new NextFireTimeLog(), KeyMatcher.keyEquals(ReviewSchedule.JOB));
		this.scheduler.start();
		this.started = true;
		// readiness would otherwise wait for the command line runner, which blocks for
		// good
		AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
		NextReview next = nextReview().orElseThrow();
		log.info("Scheduler {} started: next review of {} at {}{}", instanceId(), next.period().label(),
				next.fireTime(), next.missed(Instant.now()) ? " (missed: it runs once now)" : "");
		return next;
	}

	/** Stores the schedule without firing anything. */
	public void register() throws SchedulerException {
		this.schedule.register();
	}

	/**
	 * Blocks until the application shuts down (SIGTERM or SIGINT) and this node stopped.
	 */
	public void awaitShutdown() throws InterruptedException {
		this.stopped.await();
	}

	public boolean isStarted() {
		return this.started;
	}

	/** The next fire of the stored schedule, whether or not any scheduler is running. */
	public Optional<NextReview> nextReview() throws SchedulerException {
		return this.schedule.next();
	}

	/** The period this node is reviewing right now. */
	public Optional<Period> reviewing() {
		return this.review.reviewing();
	}

	public String instanceId() throws SchedulerException {
		return this.scheduler.getSchedulerInstanceId();
	}

	public String schedulerName() throws SchedulerException {
		return this.scheduler.getSchedulerName();
	}

	/** How many reviews this node ran since it started. */
	public int reviewsRun() {
		return this.review.reviewsRun();
	}

	/**
	 * On shutdown: fire nothing more here, stop a running review at its next safe point,
	 * and queue it so that another node (or the next to start) resumes it.
	 */
	@EventListener
	void stopGracefully(ContextClosedEvent event) throws SchedulerException {
		if (!this.started || event.getApplicationContext() != this.context) {
			return;
		}
		this.started = false;
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		log.info("Shutting down scheduler {}: no new reviews start on this node", instanceId());
		try {
			this.scheduler.standby();
			this.review.stopRunning(this.properties.stopTimeout()).ifPresent(this::resumeElsewhere);
		}
		finally {
			this.stopped.countDown();
		}
	}

	private void resumeElsewhere(Period period) {
		try {
			this.schedule.resume(period);
			log.info("The review of {} was stopped; the next node to fire resumes it", period.label());
		}
		catch (SchedulerException ex) {
			log.warn(
					"The review of {} was stopped and could not be queued for resumption ({}); "
							+ "run `envelope-review run --period {}` to finish it",
					period.label(), ex.getMessage(), period.label());
		}
	}

	/**
	 * Logs the outcome and the next fire time after each run, as operators read the log.
	 */
	private final class NextFireTimeLog implements JobListener {

		@Override
		public String getName() {
			return "envelope-review-next-fire-time";
		}

		@Override
		public void jobToBeExecuted(JobExecutionContext context) {
		}

		@Override
		public void jobExecutionVetoed(JobExecutionContext context) {
		}

		@Override
		public void jobWasExecuted(JobExecutionContext context, JobExecutionException jobException) {
			if (jobException != null) {
				log.error("The scheduled review failed: {}", jobException.getMessage(), jobException);
			}
			try {
				nextReview()
					.ifPresent((next) -> log.info("Next review of {} at {}", next.period().label(), next.fireTime()));
			}
			catch (SchedulerException ex) {
				log.warn("Cannot read the next fire time: {}", ex.getMessage());
			}
		}

	}

}
