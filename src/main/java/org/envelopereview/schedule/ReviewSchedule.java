package org.envelopereview.schedule;

import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import java.util.TimeZone;

import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.envelopereview.period.Period;
import org.envelopereview.period.ReviewCadence;

import org.springframework.stereotype.Component;

/**
 * The review job and its triggers as stored in Quartz's job store: the cron trigger from
 * {@code review.schedule.*}, and one-off triggers that resume a stopped review.
 */
@Component
class ReviewSchedule {

	static final JobKey JOB = JobKey.jobKey("periodic-review", "envelope-review");

	static final TriggerKey TRIGGER = TriggerKey.triggerKey("periodic-review", "envelope-review");

	static final String RESUME_GROUP = "envelope-review-resume";

	private static final Logger log = LoggerFactory.getLogger(ReviewSchedule.class);

	private final Scheduler scheduler;

	private final ScheduleProperties properties;

	private final QuartzTransactions transactions;

	ReviewSchedule(Scheduler scheduler, ScheduleProperties properties, QuartzTransactions transactions) {
		this.scheduler = scheduler;
		this.properties = properties;
		this.transactions = transactions;
	}

	/**
	 * Stores the job and the cron trigger. A stored trigger with the same schedule is
	 * kept as it is, so that a fire missed while no scheduler ran still runs once; a
	 * changed schedule replaces it.
	 */
	void register() throws SchedulerException {
		CronTrigger wanted = cronTrigger();
		this.transactions.run(() -> {
			this.scheduler.addJob(reviewJob(), true);
			Trigger stored = this.scheduler.getTrigger(TRIGGER);
			if (stored == null) {
				this.scheduler.scheduleJob(wanted);
				log.info("Registered the review schedule: {}", describe(wanted));
			}
			else if (!sameSchedule(stored, wanted)) {
				this.scheduler.rescheduleJob(TRIGGER, wanted);
				log.info("Changed the review schedule from {} to {}", describe(stored), describe(wanted));
			}
		});
	}

	/** The next fire of the stored cron trigger, whether or not any scheduler runs. */
	Optional<NextReview> next() throws SchedulerException {
		if (!(this.scheduler.getTrigger(TRIGGER) instanceof CronTrigger trigger) || trigger.getNextFireTime() == null) {
			return Optional.empty();
		}
		ReviewCadence cadence = cadenceOf(trigger);
		Instant fireTime = trigger.getNextFireTime().toInstant();
		return Optional.of(new NextReview(fireTime, cadence.periodBefore(fireTime), trigger.getCronExpression(),
				trigger.getTimeZone().getID(), cadence));
	}

	/**
	 * Queues a stopped review to be resumed at once by any node, or by the next scheduler
	 * to start.
	 */
	void resume(Period period) throws SchedulerException {
		Trigger resume = TriggerBuilder.newTrigger()
			.withIdentity("resume-" + period.label(), RESUME_GROUP)
			.forJob(JOB)
			.usingJobData(ReviewJob.PERIOD, period.label())
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.startNow()
			.build();
		try {
			this.transactions.run(() -> this.scheduler.scheduleJob(resume));
		}
		catch (ObjectAlreadyExistsException ex) {
			log.info("The review of {} is already due to be resumed", period.label());
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

	static JobDetail reviewJob() {
		return JobBuilder.newJob(ReviewJob.class)
			.withIdentity(JOB)
			.withDescription("Envelope review of the period just ended")
			.storeDurably()
			.requestRecovery(true)
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

}
