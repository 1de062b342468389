package org.envelopereview.schedule;

import java.time.Instant;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;

import org.envelopereview.period.Period;
import org.envelopereview.period.ReviewCadence;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job: translates a fire into the period to review. Never two at once in the
 * whole cluster; a fire interrupted by a dead node is recovered by another node.
 */
@DisallowConcurrentExecution
class ReviewJob extends QuartzJobBean {

	/** Trigger data: the cadence whose period a fire reviews. */
	static final String CADENCE = "cadence";

	/** Trigger data: an explicit period, for resuming a stopped review. */
	static final String PERIOD = "period";

	private final ScheduledReview review;

	ReviewJob(ScheduledReview review) {
		this.review = review;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
		try {
			this.review.perform(periodOf(context), context.isRecovering());
		}
		catch (RuntimeException ex) {
			throw new JobExecutionException(ex, false);
		}
	}

	static Period periodOf(JobExecutionContext context) {
		JobDataMap data = context.getMergedJobDataMap();
		if (data.containsKey(PERIOD)) {
			return Period.parse(data.getString(PERIOD));
		}
		ReviewCadence cadence = data.containsKey(CADENCE) ? ReviewCadence.fromConfigName(data.getString(CADENCE))
				: ReviewCadence.QUARTER;
		return cadence.periodBefore(scheduledFireTime(context));
	}

	private static Instant scheduledFireTime(JobExecutionContext context) {
		// a recovered fire runs under a new trigger: the original time is in its data
		String original = context.getMergedJobDataMap()
			.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
		if (context.isRecovering() && original != null) {
			return Instant.ofEpochMilli(Long.parseLong(original));
		}
		return context.getScheduledFireTime().toInstant();
	}

}
