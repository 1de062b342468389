package org.envelopereview.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.envelopereview.period.ReviewCadence;
import org.envelopereview.schedule.FireLog.Fire;
import org.envelopereview.schedule.RecordingPeriodReview.Call;
import org.envelopereview.support.PostgresDatabase;
import org.envelopereview.support.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two scheduler nodes on one PostgreSQL database: each fire runs once in the cluster, a
 * period is reviewed once, and a review whose node dies or shuts down is finished by the
 * other node.
 */
@SlowTest
class ClusteredScheduleTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private final List<ScheduleNode> nodes = new ArrayList<>();

	private final Queue<Call> calls = RecordingPeriodReview.calls();

	private final String schedulerName = ScheduleNode.uniqueSchedulerName();

	private PostgresDatabase database;

	private HikariDataSource pool;

	@BeforeEach
	void createDatabase() {
		this.database = PostgresDatabase.create();
		this.pool = new HikariDataSource();
		this.pool.setJdbcUrl(this.database.url());
		this.pool.setUsername(this.database.user());
	}

	@AfterEach
	void stopNodesThenDropDatabase() {
		this.nodes.forEach(ScheduleNode::close);
		this.pool.close();
		this.database.close();
	}

	@Test
	void shouldReviewThePeriodExactlyOnceWhenTwoNodesFireEverySecond() throws Exception {
		// given two nodes whose schedule fires every second
		ScheduleNode a = node("node-a", RecordingPeriodReview.completing("node-a", this.calls),
				"--review.schedule.cron=* * * * * ?");
		ScheduleNode b = node("node-b", RecordingPeriodReview.completing("node-b", this.calls),
				"--review.schedule.cron=* * * * * ?");
		FireLog log = new FireLog();
		log.listenTo("node-a", a.quartz());
		log.listenTo("node-b", b.quartz());

		// when both run for several fires
		a.scheduler().start();
		b.scheduler().start();
		await().atMost(PATIENCE).until(() -> log.count() >= 6);

		// then every fire ran on one node only, and the period was reviewed once
		assertThat(log.fires()).extracting(Fire::scheduledFireTime).doesNotHaveDuplicates();
		assertThat(this.calls).singleElement().satisfies((call) -> {
			assertThat(call.period()).isEqualTo(ReviewCadence.QUARTER.periodBefore(call.at()).label());
			assertThat(call.recovering()).isFalse();
		});
	}

	@Test
	void shouldFireATriggerDueNowOnExactlyOneOfTwoNodes() throws Exception {
		// given two running nodes
		ScheduleNode a = node("node-a", RecordingPeriodReview.completing("node-a", this.calls));
		ScheduleNode b = node("node-b", RecordingPeriodReview.completing("node-b", this.calls));
		FireLog log = new FireLog();
		log.listenTo("node-a", a.quartz());
		log.listenTo("node-b", b.quartz());
		a.scheduler().start();
		b.scheduler().start();

		// when a trigger is due now
		b.fireNow();
		await().atMost(PATIENCE).until(() -> log.count() >= 1);

		// then one node reviewed the period, and nothing else is due before the next
		// quarter
		assertThat(log.fires()).hasSize(1);
		assertThat(this.calls).hasSize(1);
		assertThat(a.scheduler().nextReview()).get()
			.satisfies((next) -> assertThat(next.fireTime()).isAfter(this.calls.peek().at()));
	}

	@Test
	void shouldFinishOnTheOtherNodeAReviewWhoseNodeWasKilled(@TempDir Path temp) throws Exception {
		// given node A, in a process of its own, in the middle of a review
		Path output = temp.resolve("node-a.log");
		Process a = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), HoldingNodeProcess.class.getName(), this.database.url(),
				this.database.user(), this.schedulerName, "node-a")
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		String period;
		try {
			period = await().atMost(PATIENCE).until(() -> reviewingIn(output), Optional::isPresent).get();
		}
		finally {
			if (!a.isAlive()) {
				System.err.println(Files.readString(output));
			}
		}
		// and node B running beside it
		ScheduleNode b = node("node-b", RecordingPeriodReview.completing("node-b", this.calls));
		b.scheduler().start();

		// when node A dies abruptly
		a.destroyForcibly();
		assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();

		// then node B recovers the interrupted fire and reviews the same period, once
		await().atMost(PATIENCE).until(() -> !this.calls.isEmpty());
		assertThat(this.calls).singleElement().satisfies((call) -> {
			assertThat(call.node()).isEqualTo("node-b");
			assertThat(call.period()).isEqualTo(period);
			assertThat(call.recovering()).isTrue();
		});
	}

	@Test
	void shouldResumeOnTheOtherNodeAReviewStoppedByAGracefulShutdown() throws Exception {
		// given node A in the middle of a review, and node B beside it
		RecordingPeriodReview holding = RecordingPeriodReview.holding("node-a", this.calls);
		ScheduleNode a = node("node-a", holding);
		a.scheduler().start();
		a.fireNow();
		assertThat(holding.awaitHolding()).isTrue();
		ScheduleNode b = node("node-b", RecordingPeriodReview.completing("node-b", this.calls));
		b.scheduler().start();

		// when node A shuts down (SIGTERM closes the application context)
		a.close();

		// then A's review was asked to stop, and B resumes the same period
		assertThat(holding.stopWasRequested()).isTrue();
		await().atMost(PATIENCE).until(() -> this.calls.size() >= 2);
		String period = this.calls.peek().period();
		assertThat(this.calls).extracting(Call::node, Call::period, Call::recovering)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("node-a", period, false),
					org.assertj.core.groups.Tuple.tuple("node-b", period, false));
	}

	private ScheduleNode node(String instanceId, RecordingPeriodReview review, String... properties) {
		ScheduleNode node = ScheduleNode.startOn(this.pool, this.database.url(), this.database.user(),
				this.schedulerName, instanceId, review, properties);
		this.nodes.add(node);
		return node;
	}

	private static Optional<String> reviewingIn(Path output) throws IOException {
		if (!Files.exists(output)) {
			return Optional.empty();
		}
		return Files.readAllLines(output)
			.stream()
			.filter((line) -> line.startsWith(HoldingNodeProcess.REVIEWING))
			.map((line) -> line.substring(HoldingNodeProcess.REVIEWING.length()).trim())
			.findFirst();
	}

}
