package org.envelopereview.review.job;

import java.time.Duration;

/**
 * The settings of the evaluate step on remote workers: where the partition requests go,
 * how many there are, and how long the manager waits for them.
 *
 * @param queue the durable queue the workers consume ({@code review.job.remote-queue})
 * @param exchange the direct exchange the manager publishes to, bound to the queue by its
 * name ({@code review.job.remote-exchange})
 * @param partitions how many time ranges the step is split into
 * ({@code review.job.remote-partitions}): enough that the longest stays well under the
 * broker's consumer timeout (see README)
 * @param timeout how long the manager waits for every partition to finish before it fails
 * the run ({@code review.job.remote-timeout})
 * @param pollInterval how often the manager reads the job repository for finished
 * partitions ({@code review.job.remote-poll-interval})
 */
record RemoteEvaluationSettings(String queue, String exchange, int partitions, Duration timeout,
		Duration pollInterval) {

	RemoteEvaluationSettings {
		if (partitions < 1) {
			throw new IllegalArgumentException("review.job.remote-partitions must be at least 1, not " + partitions);
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("review.job.remote-timeout must be positive, not " + timeout);
		}
	}

}
