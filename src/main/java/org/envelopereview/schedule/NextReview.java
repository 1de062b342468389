package org.envelopereview.schedule;

import java.time.Duration;
import java.time.Instant;

import org.envelopereview.period.Period;
import org.envelopereview.period.ReviewCadence;

/**
 * The next fire of the stored schedule and the period it will review.
 *
 * @param fireTime when the trigger fires next
 * @param period the period that fire reviews
 * @param cron the stored cron expression
 * @param timeZone the zone the cron expression is read in
 * @param cadence which kind of period a fire reviews
 */
public record NextReview(Instant fireTime, Period period, String cron, String timeZone, ReviewCadence cadence) {

	/** Quartz's default misfire threshold: a fire later than this is a misfire. */
	static final Duration MISFIRE_THRESHOLD = Duration.ofMinutes(1);

	/**
	 * Whether the fire time passed (by more than the misfire threshold) without a
	 * scheduler firing it: the next scheduler to start runs it once.
	 */
	public boolean missed(Instant now) {
		return this.fireTime.plus(MISFIRE_THRESHOLD).isBefore(now);
	}

}
