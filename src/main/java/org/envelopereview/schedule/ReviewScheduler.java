package org.envelopereview.schedule;

import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;

import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.KeyMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.envelopereview.review.Period;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review schedule in Quartz's clustered job store: registers the job and its cron
 * trigger, starts this node's scheduler, and stops it gracefully with the application.
 */
@Component
public class ReviewScheduler {

	static final JobKey JOB = JobKey.jobKey("periodic-review", "envelope-review");

	static final TriggerKey TRIGGER = TriggerKey.triggerKey("periodic-review", "envelope-review");

	static final String RESUME_GROUP = "envelope-review-resume";

	private static final Logger log = LoggerFactory.getLogger(ReviewScheduler.class);

	private final Scheduler scheduler;

	private final ScheduleProperties properties;

	private final ScheduledReview review;

	private final ApplicationContext context;

	private final TransactionTemplate transaction;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile boolean started;

	ReviewScheduler(Scheduler scheduler, ScheduleProperties properties, ScheduledReview review,
			ApplicationContext context, PlatformTransactionManager transactionManager) {
		this.scheduler = scheduler;
		this.properties = properties;
		this.review = review;
		this.context = context;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Registers the schedule (keeping the stored trigger when the configuration has not
	 * changed, so that a missed fire is still run once) and starts firing on this node.
	 */
	public NextReview start() throws SchedulerException {
		register();
		this.scheduler.getListenerManager().addJobListener(new NextFireTimeLog(), KeyMatcher.keyEquals(JOB));
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

	/**
	 * Stores the review job and its cron trigger without firing anything; a trigger whose
	 * schedule is unchanged is kept as it is.
	 */
	public void register() throws SchedulerException {
		inTransaction(() -> {
			this.scheduler.addJob(reviewJob(), true);
			registerTrigger();
		});
	}

	/**
	 * Runs Quartz job store changes in a Spring transaction: Spring's job store takes
	 * Quartz's row locks on the transaction's connection, and without one they are
	 * released at once (a trigger stored beside a completing fire could stay blocked for
	 * good).
	 */
	void inTransaction(SchedulerWork work) throws SchedulerException {
		try {
			this.transaction.executeWithoutResult((status) -> {
				try {
					work.run();
				}
				catch (SchedulerException ex) {
					throw new UncheckedSchedulerException(ex);
				}
			});
		}
		catch (UncheckedSchedulerException ex) {
			throw ex.cause;
		}
	}

	/** A change to Quartz's job store. */
	@FunctionalInterface
	interface SchedulerWork {

		void run() throws SchedulerException;

	}

	private static final class UncheckedSchedulerException extends RuntimeException {

		private final SchedulerException cause;

		UncheckedSchedulerException(SchedulerException cause) {
			super(cause);
			this.cause = cause;
		}

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
		if (!(this.scheduler.getTrigger(TRIGGER) instanceof CronTrigger trigger) || trigger.getNextFireTime() == null) {
			return Optional.empty();
		}
		ReviewCadence cadence = cadenceOf(trigger);
		Instant fireTime = trigger.getNextFireTime().toInstant();
		return Optional.of(new NextReview(fireTime, cadence.periodBefore(fireTime), trigger.getCronExpression(),
				trigger.getTimeZone().getID(), cadence));
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

	@EventListener
	void stopGracefully(ContextClosedEvent event) throws SchedulerException {
		if (!this.started || event.getApplicationContext() != this.context) {
			return;
		}
		this.started = false;
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		log.info("Shutting down scheduler {}: no new reviews start on this node", instanceId());
		this.scheduler.standby();
		this.review.stopRunning(this.properties.stopTimeout()).ifPresent(this::resumeElsewhere);
		this.stopped.countDown();
	}

	/**
	 * A review stopped by a shutdown is resumed at once by another node, or by the next
	 * scheduler to start; the restart continues the stopped run.
	 */
	private void resumeElsewhere(Period period) {
		Trigger resume = TriggerBuilder.newTrigger()
			.withIdentity("resume-" + period.label(), RESUME_GROUP)
			.forJob(JOB)
			.usingJobData(ReviewJob.PERIOD, period.label())
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.startNow()
			.build();
		try {
			inTransaction(() -> this.scheduler.scheduleJob(resume));
			log.info("The review of {} was stopped; the next node to fire resumes it", period.label());
		}
		catch (ObjectAlreadyExistsException ex) {
			log.info("The review of {} was stopped; it is already due to be resumed", period.label());
		}
		catch (SchedulerException ex) {
			log.warn(
					"The review of {} was stopped and could not be queued for resumption ({}); "
							+ "run `envelope-review run --period {}` to finish it",
					period.label(), ex.getMessage(), period.label());
		}
	}

	private void registerTrigger() throws SchedulerException {
		CronTrigger wanted = cronTrigger();
		Trigger stored = this.scheduler.getTrigger(TRIGGER);
		if (stored == null) {
			try {
				this.scheduler.scheduleJob(wanted);
				log.info("Registered the review schedule: {}", describe(wanted));
				return;
			}
			catch (ObjectAlreadyExistsException ex) {
				// another node registered it at the same moment
				stored = this.scheduler.getTrigger(TRIGGER);
			}
		}
		if (!sameSchedule(stored, wanted)) {
			this.scheduler.rescheduleJob(TRIGGER, wanted);
			log.info("Changed the review schedule from {} to {}", describe(stored), describe(wanted));
		}
	}

	CronTrigger cronTrigger() {
		try {
			CronExpression.validateExpression(this.properties.cron());
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("review.schedule.cron: '" + this.properties.cron()
					+ "' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week): "
					+ ex.getMessage(), ex);
		}
		return TriggerBuilder.newTrigger()
			.withIdentity(TRIGGER)
			.forJob(JOB)
			.withDescription("Review of the " + this.properties.period().configName() + " just ended")
			.usingJobData(ReviewJob.CADENCE, this.properties.period().configName())
			.withSchedule(CronScheduleBuilder.cronSchedule(this.properties.cron())
				.inTimeZone(TimeZone.getTimeZone(this.properties.timeZone()))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
	}

	private static boolean sameSchedule(Trigger stored, CronTrigger wanted) {
		return stored instanceof CronTrigger cron && cron.getCronExpression().equals(wanted.getCronExpression())
				&& cron.getTimeZone().getID().equals(wanted.getTimeZone().getID())
				&& cron.getMisfireInstruction() == wanted.getMisfireInstruction()
				&& cadenceOf(cron) == cadenceOf(wanted);
	}

	private static ReviewCadence cadenceOf(Trigger trigger) {
		String cadence = trigger.getJobDataMap().getString(ReviewJob.CADENCE);
		return (cadence != null) ? ReviewCadence.fromConfigName(cadence) : ReviewCadence.QUARTER;
	}

	private static String describe(Trigger trigger) {
		if (trigger instanceof CronTrigger cron) {
			return "'" + cron.getCronExpression() + "' " + cron.getTimeZone().getID() + ", reviewing the "
					+ cadenceOf(cron).configName() + " before each fire";
		}
		return String.valueOf(trigger);
	}

	static JobDetail reviewJob() {
		return JobBuilder.newJob(ReviewJob.class)
			.withIdentity(JOB)
			.withDescription("Envelope review of the period just ended")
			.storeDurably()
			.requestRecovery(true)
			.build();
	}

	/** Logs the next fire time after each run, as operators read it in the log. */
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
