package org.envelopereview.schedule;

import java.time.Instant;
import java.util.Optional;

import org.quartz.SchedulerException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} of the {@code schedule} process: up while this node's
 * scheduler runs and a next review is scheduled.
 */
@Component
class ReviewSchedulerHealthIndicator implements HealthIndicator {

	private final ReviewScheduler scheduler;

	ReviewSchedulerHealthIndicator(ReviewScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public Health health() {
		try {
			Health.Builder health = this.scheduler.isStarted() ? Health.up() : Health.down();
			health.withDetail("instanceId", this.scheduler.instanceId())
				.withDetail("started", this.scheduler.isStarted());
			Optional<NextReview> next = this.scheduler.nextReview();
			if (next.isEmpty()) {
				return health.down().withDetail("nextFireTime", "none: no review schedule is stored").build();
			}
			health.withDetail("nextFireTime", next.get().fireTime().toString())
				.withDetail("nextPeriod", next.get().period().label())
				.withDetail("cron", next.get().cron() + " " + next.get().timeZone())
				.withDetail("missed", next.get().missed(Instant.now()))
				.withDetail("reviewsRun", this.scheduler.reviewsRun());
			this.scheduler.reviewing().ifPresent((period) -> health.withDetail("reviewing", period.label()));
			return health.build();
		}
		catch (SchedulerException ex) {
			return Health.down(ex).build();
		}
	}

}
