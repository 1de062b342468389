package org.envelopereview.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Queue;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.envelopereview.period.Period;
import org.envelopereview.period.ReviewCadence;
import org.envelopereview.schedule.RecordingPeriodReview.Call;
import org.envelopereview.support.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A scheduler that was down at fire time runs the missed period once when it starts, and
 * never a period that already has a completed run.
 */
class MissedFireTests {

	private final Queue<Call> calls = RecordingPeriodReview.calls();

	private PostgresDatabase database;

	private ScheduleNode node;

	@BeforeEach
	void startStoppedSchedulerWithAScheduleStoredMonthsAgo() throws Exception {
		this.database = PostgresDatabase.create();
		this.node = ScheduleNode.start(this.database.url(), this.database.user(), ScheduleNode.uniqueSchedulerName(),
				"node-a", RecordingPeriodReview.completing("node-a", this.calls));
		// the quarterly schedule as registered 200 days ago: two fire times have passed
		// since
		this.node.storeScheduleRegisteredAt(Instant.now().minus(Duration.ofDays(200)));
		assertThat(this.node.scheduler().nextReview()).get()
			.satisfies((next) -> assertThat(next.missed(Instant.now())).isTrue());
	}

	@AfterEach
	void stop() {
		this.node.close();
		this.database.close();
	}

	@Test
	void shouldRunTheMissedPeriodOnceWhenTheSchedulerStarts() throws Exception {
		// given the missed schedule
		FireLog log = new FireLog();
		log.listenTo("node-a", this.node.quartz());

		// when the scheduler starts
		this.node.scheduler().start();
		await().atMost(Duration.ofSeconds(60)).until(() -> log.count() >= 1);

		// then the period just ended is reviewed once, and the next fire is the next
		// quarter
		assertThat(this.calls).singleElement()
			.satisfies((call) -> assertThat(call.period())
				.isEqualTo(ReviewCadence.QUARTER.periodBefore(call.at()).label()));
		NextReview next = this.node.scheduler().nextReview().orElseThrow();
		assertThat(next.fireTime()).isAfter(Instant.now());
		assertThat(next.period().start()).isAfterOrEqualTo(Period.quarter(this.calls.peek().period()).end());
		assertThat(log.count()).isEqualTo(1);
	}

	@Test
	void shouldNotReviewAMissedPeriodThatAlreadyHasACompletedRun() throws Exception {
		// given the period just ended already has a completed run (made by `run
		// --period`)
		Period period = ReviewCadence.QUARTER.periodBefore(Instant.now());
		insertCompletedRun(period);
		FireLog log = new FireLog();
		log.listenTo("node-a", this.node.quartz());

		// when the scheduler starts and fires the missed schedule
		this.node.scheduler().start();
		await().atMost(Duration.ofSeconds(60)).until(() -> log.count() >= 1);

		// then the period is not reviewed again
		assertThat(this.calls).isEmpty();
		assertThat(this.node.scheduler().nextReview().orElseThrow().fireTime()).isAfter(Instant.now());
	}

	@Test
	void shouldStillReviewAMissedPeriodWhoseOnlyCompletedRunCoveredOneBoard() throws Exception {
		// given the period just ended has a completed run of one board only (`run
		// --board`)
		Period period = ReviewCadence.QUARTER.periodBefore(Instant.now());
		insertCompletedRun(period, "payments-cab");
		FireLog log = new FireLog();
		log.listenTo("node-a", this.node.quartz());

		// when the scheduler starts and fires the missed schedule
		this.node.scheduler().start();
		await().atMost(Duration.ofSeconds(60)).until(() -> log.count() >= 1);

		// then every board is reviewed
		assertThat(this.calls).singleElement().satisfies((call) -> assertThat(call.period()).isEqualTo(period.label()));
	}

	private void insertCompletedRun(Period period) throws Exception {
		insertCompletedRun(period, null);
	}

	private void insertCompletedRun(Period period, String board) throws Exception {
		try (Connection connection = this.node.bean(DataSource.class).getConnection();
				PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO review_run (period, period_start, period_end, run_number, status, started_at,
						                        finished_at, board_filter)
						VALUES (?, ?, ?, 1, 'COMPLETED', ?, ?, ?)
						""")) {
			insert.setString(1, period.label());
			insert.setObject(2, period.start().atOffset(ZoneOffset.UTC));
			insert.setObject(3, period.end().atOffset(ZoneOffset.UTC));
			insert.setObject(4, period.end().atOffset(ZoneOffset.UTC));
			insert.setObject(5, period.end().plusSeconds(60).atOffset(ZoneOffset.UTC));
			insert.setString(6, board);
			insert.executeUpdate();
		}
	}

}
