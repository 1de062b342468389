package org.envelopereview.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The operational status of scheduled reviews: the next fire, the cluster's nodes and the
 * latest runs.
 *
 * @param readAt when the status was read
 * @param next the next fire of the stored schedule; empty when no schedule was ever
 * registered
 * @param nodes the scheduler nodes as they last checked in
 * @param latestRuns the most recent review runs, newest first
 */
public record ScheduleStatus(Instant readAt, Optional<NextReview> next, List<SchedulerNode> nodes,
		List<RunSummary> latestRuns) {

	public List<SchedulerNode> aliveNodes() {
		return this.nodes.stream().filter((node) -> node.alive(this.readAt)).toList();
	}

}
