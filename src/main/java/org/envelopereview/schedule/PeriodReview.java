package org.envelopereview.schedule;

import org.envelopereview.period.Period;
import org.envelopereview.review.RunStatus;

/**
 * What a scheduled fire does: review one period through the review job, and stop that
 * review on request so that it can be restarted.
 */
interface PeriodReview {

	/**
	 * Reviews the period, synchronously. When {@code recovering}, the node that started
	 * this review died and its job execution is still marked as running; the review must
	 * mark it failed before restarting it.
	 */
	ReviewReport review(Period period, boolean recovering);

	/** Asks this node's running review of the period to stop at its next safe point. */
	void stop(Period period);

	/**
	 * How a review ended, for the log.
	 *
	 * @param status the run's status: {@code COMPLETED}, {@code STOPPED} or
	 * {@code FAILED}
	 * @param summary one line a person can read
	 */
	record ReviewReport(RunStatus status, String summary) {

		boolean stopped() {
			return this.status == RunStatus.STOPPED;
		}

	}

}
