package org.envelopereview.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * A member of the Quartz cluster as it last checked in.
 *
 * @param instanceId the node's Quartz instance id
 * @param lastCheckinTime epoch milliseconds of its last check-in
 * @param checkinInterval milliseconds between its check-ins
 */
public record SchedulerNode(String instanceId, long lastCheckinTime, long checkinInterval) {

	public Instant lastCheckin() {
		return Instant.ofEpochMilli(this.lastCheckinTime);
	}

	/**
	 * Whether the node checked in recently; Quartz itself gives a node a little more than
	 * one interval before it recovers its jobs.
	 */
	public boolean alive(Instant now) {
		return Duration.between(lastCheckin(), now).toMillis() <= this.checkinInterval * 2 + 7_500;
	}

}
