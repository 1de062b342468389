package org.envelopereview.review.run;

import java.time.LocalDateTime;

/**
 * A partition of the evaluate step being worked on (STARTED) or waiting for a worker
 * (STARTING), as the job repository records it.
 *
 * @param period the period its run reviews
 * @param jobExecutionId its run's job execution
 * @param stepExecutionId its own step execution
 * @param stepName {@code evaluateActionsPartition:from/to}
 * @param status STARTING or STARTED
 * @param readCount actions read by its committed chunks
 * @param commitCount chunks committed
 * @param lastUpdated when its step execution last recorded progress (the job repository's
 * clock)
 */
public record PartitionInFlight(String period, long jobExecutionId, long stepExecutionId, String stepName,
		String status, long readCount, long commitCount, LocalDateTime lastUpdated) {

	/** The time range it evaluates, {@code from/to}. */
	public String range() {
		return this.stepName.substring(this.stepName.indexOf(':') + 1);
	}

}
