package org.envelopereview.schedule;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.envelopereview.period.ReviewCadence;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Registering the schedule from configuration, on the embedded H2 database. */
class ReviewSchedulerTests {

	private final String url = ScheduleNode.h2Url();

	private final String schedulerName = ScheduleNode.uniqueSchedulerName();

	private ScheduleNode node;

	@AfterEach
	void stop() {
		if (this.node != null) {
			this.node.close();
		}
	}

	@Test
	void shouldRegisterTheQuarterlyScheduleByDefault() throws Exception {
		// given a node with no schedule configured
		this.node = node();

		// when it registers the schedule
		this.node.scheduler().register();

		// then it fires at 02:00 UTC on the first day of each quarter and reviews the
		// quarter before
		NextReview next = this.node.scheduler().nextReview().orElseThrow();
		assertThat(next.cron()).isEqualTo("0 0 2 1 1,4,7,10 ?");
		assertThat(next.timeZone()).isEqualTo("UTC");
		assertThat(next.fireTime().atZone(java.time.ZoneOffset.UTC).getDayOfMonth()).isEqualTo(1);
		assertThat(next.fireTime().atZone(java.time.ZoneOffset.UTC).getMonthValue()).isIn(1, 4, 7, 10);
		assertThat(next.period().end()).isEqualTo(next.fireTime().minusSeconds(2 * 3600));
	}

	@Test
	void shouldKeepTheStoredTriggerWhenTheScheduleIsUnchanged() throws Exception {
		// given a schedule registered long ago, whose fire time was missed
		this.node = node();
		Instant registeredAt = Instant.parse("2025-01-01T00:00:00Z");
		this.node.storeScheduleRegisteredAt(registeredAt);

		// when a node with the same configuration registers it again
		this.node.scheduler().register();

		// then the stored trigger stays, so that the missed fire is still run once
		assertThat(this.node.quartz().getTrigger(ReviewSchedule.TRIGGER).getStartTime().toInstant())
			.isEqualTo(registeredAt);
		assertThat(this.node.scheduler().nextReview().orElseThrow().missed(Instant.now())).isTrue();
	}

	@Test
	void shouldReplaceTheStoredTriggerWhenTheCadenceChanges() throws Exception {
		// given the quarterly schedule registered by an earlier configuration
		this.node = node();
		this.node.scheduler().register();
		this.node.close();

		// when a node configured monthly registers it
		this.node = node("--review.schedule.cron=0 30 3 1 * ?", "--review.schedule.period=month",
				"--review.schedule.time-zone=Europe/Paris");
		this.node.scheduler().register();

		// then the stored schedule is the monthly one
		NextReview next = this.node.scheduler().nextReview().orElseThrow();
		assertThat(next.cron()).isEqualTo("0 30 3 1 * ?");
		assertThat(next.timeZone()).isEqualTo("Europe/Paris");
		assertThat(next.cadence()).isEqualTo(ReviewCadence.MONTH);
		assertThat(next.period().label()).matches("\\d{4}-\\d{2}");
	}

	@Test
	void shouldRejectACronExpressionThatQuartzCannotRead() {
		// given a node configured with a five-field (Unix) cron expression
		this.node = node("--review.schedule.cron=0 2 1 */3 *");

		// when / then registering it fails, naming the property and the value
		assertThatIllegalArgumentException().isThrownBy(() -> this.node.scheduler().register())
			.withMessageContaining("review.schedule.cron")
			.withMessageContaining("'0 2 1 */3 *'");
	}

	@Test
	void shouldReportHealthDownUntilTheSchedulerStartsAndUpWithTheNextFireTimeAfter() throws Exception {
		// given a node whose scheduler has not started
		this.node = node();
		ReviewSchedulerHealthIndicator health = this.node.bean(ReviewSchedulerHealthIndicator.class);
		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

		// when it starts
		NextReview next = this.node.scheduler().start();

		// then it is up and shows the next fire time and period
		Health up = health.health();
		assertThat(up.getStatus()).isEqualTo(Status.UP);
		assertThat(up.getDetails()).containsEntry("nextFireTime", next.fireTime().toString())
			.containsEntry("nextPeriod", next.period().label())
			.containsEntry("started", true);
	}

	private ScheduleNode node(String... properties) {
		return ScheduleNode.start(this.url, "sa", this.schedulerName, "node-a",
				RecordingPeriodReview.completing("node-a", RecordingPeriodReview.calls()), properties);
	}

}
