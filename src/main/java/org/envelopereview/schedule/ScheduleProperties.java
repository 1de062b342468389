package org.envelopereview.schedule;

import java.time.Duration;
import java.time.ZoneId;

import org.envelopereview.period.ReviewCadence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the {@code schedule} process reviews which period, and where it reports its
 * health.
 *
 * @param cron Quartz cron expression of the fire times (default: 02:00 on the first day
 * of each quarter)
 * @param timeZone the zone the cron expression is read in
 * @param period which period a fire reviews: the last complete quarter, month or
 * half-year before the fire time
 * @param healthPort local port of {@code /actuator/health} while {@code schedule} runs
 * @param stopTimeout how long a graceful shutdown waits for a running review to stop
 */
@ConfigurationProperties("review.schedule")
public record ScheduleProperties(@DefaultValue("0 0 2 1 1,4,7,10 ?") String cron, @DefaultValue("UTC") ZoneId timeZone,
		@DefaultValue("quarter") ReviewCadence period, @DefaultValue("8081") int healthPort,
		@DefaultValue("60s") Duration stopTimeout) {
}
