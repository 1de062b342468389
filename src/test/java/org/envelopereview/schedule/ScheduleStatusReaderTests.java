package org.envelopereview.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.envelopereview.review.RunStatus;
import org.envelopereview.support.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The status read from the database, with no scheduler running, on H2 and PostgreSQL. */
class ScheduleStatusReaderTests {

	abstract static class Contract {

		@TempDir
		Path out;

		ScheduleNode node;

		abstract ScheduleNode startNode();

		@AfterEach
		void stop() {
			this.node.close();
		}

		@Test
		void shouldShowNoScheduleAndNoRunsOnAFreshDatabase() throws Exception {
			// given a fresh database
			this.node = startNode();

			// when the status is read
			ScheduleStatus status = this.node.bean(ScheduleStatusReader.class).read(10);

			// then there is nothing to show
			assertThat(status.next()).isEmpty();
			assertThat(status.nodes()).isEmpty();
			assertThat(status.latestRuns()).isEmpty();
		}

		@Test
		void shouldShowTheNextFireAndTheLatestRunsNewestFirstWithFindingsAndPacks() throws Exception {
			// given a registered schedule, a completed run with findings and a pack, and
			// a failed run after it
			this.node = startNode();
			this.node.scheduler().register();
			Path pack = Files.createDirectories(this.out.resolve("2026-Q2/payments-cab")).resolve("review-pack.pdf");
			Files.writeString(pack, "%PDF-1.7");
			Jdbi jdbi = this.node.bean(Jdbi.class);
			long completed = insertRun(jdbi, "2026-Q2", 1, "COMPLETED", Instant.parse("2026-07-01T02:00:00Z"),
					Instant.parse("2026-07-01T02:04:10Z"), this.out.resolve("2026-Q2"));
			insertFinding(jdbi, completed, "a", "critical");
			insertFinding(jdbi, completed, "b", "high");
			insertFinding(jdbi, completed, "c", "high");
			insertRun(jdbi, "2026-Q3", 1, "FAILED", Instant.parse("2026-10-01T02:00:00Z"),
					Instant.parse("2026-10-01T02:00:30Z"), null);

			// when the status is read
			ScheduleStatus status = this.node.bean(ScheduleStatusReader.class).read(10);

			// then it shows the next fire and both runs, newest first
			assertThat(status.next()).get()
				.satisfies((next) -> assertThat(next.cron()).isEqualTo("0 0 2 1 1,4,7,10 ?"));
			assertThat(status.latestRuns()).extracting(RunSummary::period).containsExactly("2026-Q3", "2026-Q2");
			RunSummary q2 = status.latestRuns().get(1);
			assertThat(q2.state()).isEqualTo(RunStatus.COMPLETED);
			assertThat(q2.duration(Instant.now())).isEqualTo(Duration.ofSeconds(250));
			assertThat(q2.findingsBySeverity()).containsExactly(org.assertj.core.api.Assertions.entry("critical", 1L),
					org.assertj.core.api.Assertions.entry("high", 2L),
					org.assertj.core.api.Assertions.entry("medium", 0L),
					org.assertj.core.api.Assertions.entry("low", 0L));
			assertThat(q2.packs()).containsExactly(pack);
			RunSummary q3 = status.latestRuns().get(0);
			assertThat(q3.findings()).isZero();
			assertThat(q3.packs()).isEmpty();
		}

		@Test
		void shouldLimitTheRunsShown() throws Exception {
			// given three runs
			this.node = startNode();
			Jdbi jdbi = this.node.bean(Jdbi.class);
			for (int number = 1; number <= 3; number++) {
				insertRun(jdbi, "2026-Q2", number, "COMPLETED",
						Instant.parse("2026-07-01T02:00:00Z").plusSeconds(number), null, null);
			}

			// when two are asked for
			ScheduleStatus status = this.node.bean(ScheduleStatusReader.class).read(2);

			// then the two latest are shown
			assertThat(status.latestRuns()).extracting(RunSummary::runNumber).containsExactly(3, 2);
		}

		private static long insertRun(Jdbi jdbi, String period, int number, String state, Instant started,
				Instant finished, Path outputDir) {
			org.envelopereview.period.Period window = org.envelopereview.period.Period.parse(period);
			return jdbi.withHandle((handle) -> handle.createUpdate("""
					INSERT INTO review_run (period, period_start, period_end, run_number, status, started_at,
					                        finished_at, output_dir)
					VALUES (:period, :start, :end, :number, :state, :started, :finished, :outputDir)
					""")
				.bind("period", period)
				.bind("start", window.start().atOffset(ZoneOffset.UTC))
				.bind("end", window.end().atOffset(ZoneOffset.UTC))
				.bind("number", number)
				.bind("state", state)
				.bind("started", started.atOffset(ZoneOffset.UTC))
				.bind("finished", (finished != null) ? finished.atOffset(ZoneOffset.UTC) : null)
				.bind("outputDir", (outputDir != null) ? outputDir.toString() : null)
				.executeAndReturnGeneratedKeys("id")
				.mapTo(Long.class)
				.one());
		}

		private static void insertFinding(Jdbi jdbi, long runId, String key, String severity) {
			jdbi.useHandle((handle) -> handle.createUpdate("""
					INSERT INTO review_finding (run_id, finding_key, code, severity, board_id, explanation, evidence,
					                            controls)
					VALUES (:runId, :key, 'ENV-EXPIRED', :severity, 'payments-cab', 'expired', '{}', '')
					""").bind("runId", runId).bind("key", key).bind("severity", severity).execute());
		}

	}

	@Nested
	class OnH2 extends Contract {

		@Override
		ScheduleNode startNode() {
			return ScheduleNode.start(ScheduleNode.h2Url(), "sa", ScheduleNode.uniqueSchedulerName(), "node-a",
					RecordingPeriodReview.completing("node-a", RecordingPeriodReview.calls()));
		}

	}

	@Nested
	class OnPostgres extends Contract {

		private PostgresDatabase database;

		@Override
		ScheduleNode startNode() {
			this.database = PostgresDatabase.create();
			return ScheduleNode.start(this.database.url(), this.database.user(), ScheduleNode.uniqueSchedulerName(),
					"node-a", RecordingPeriodReview.completing("node-a", RecordingPeriodReview.calls()));
		}

		@AfterEach
		void dropDatabase() {
			this.database.close();
		}

	}

}
