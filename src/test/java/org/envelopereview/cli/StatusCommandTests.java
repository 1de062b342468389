package org.envelopereview.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.envelopereview.period.Period;
import org.envelopereview.period.ReviewCadence;
import org.envelopereview.review.RunStatus;
import org.envelopereview.review.run.EvaluationActivity.WorkerQueue;
import org.envelopereview.review.run.PartitionInFlight;
import org.envelopereview.schedule.NextReview;
import org.envelopereview.schedule.RunSummary;
import org.envelopereview.schedule.ScheduleStatus;
import org.envelopereview.schedule.SchedulerNode;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCommandTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void shouldListTheBoardDecisionsStillOutstanding() {
		ByteArrayOutputStream some = new ByteArrayOutputStream();
		StatusCommand.printReminders(List.of("payments-cab: retire PA-RETIRE-002 is due 2026-08-01 - PAST DUE"),
				new PrintStream(some, true, StandardCharsets.UTF_8));
		ByteArrayOutputStream none = new ByteArrayOutputStream();
		StatusCommand.printReminders(List.of(), new PrintStream(none, true, StandardCharsets.UTF_8));

		assertThat(some.toString(StandardCharsets.UTF_8)).isEqualTo(String.format(
				"Board decisions outstanding:%n  payments-cab: retire PA-RETIRE-002 is due 2026-08-01 - PAST DUE%n"));
		assertThat(none.toString(StandardCharsets.UTF_8))
			.isEqualTo(String.format("Board decisions: nothing outstanding.%n"));
	}

	@Test
	void shouldShowTheConnectedWorkersAndThePartitionsInFlight() {
		// given two workers on the queue, one partition running and one waiting
		WorkerQueue queue = new WorkerQueue("envelope-review.evaluate", 2, 1, null);
		List<PartitionInFlight> inFlight = List.of(
				new PartitionInFlight("2026-Q3", 4, 41,
						"evaluateActionsPartition:2026-07-01T00:00:00Z/2026-08-01T00:00:00Z", "STARTED", 120_000, 24,
						LocalDateTime.parse("2026-11-25T09:59:58")),
				new PartitionInFlight("2026-Q3", 4, 42,
						"evaluateActionsPartition:2026-08-01T00:00:00Z/2026-09-01T00:00:00Z", "STARTING", 0, 0,
						LocalDateTime.parse("2026-11-25T09:59:00")));

		// when they are printed, and when nothing is in flight on local threads
		ByteArrayOutputStream busy = new ByteArrayOutputStream();
		StatusCommand.printEvaluation(Optional.of(queue), inFlight,
				new PrintStream(busy, true, StandardCharsets.UTF_8));
		ByteArrayOutputStream idle = new ByteArrayOutputStream();
		StatusCommand.printEvaluation(Optional.empty(), List.of(), new PrintStream(idle, true, StandardCharsets.UTF_8));
		ByteArrayOutputStream unreachable = new ByteArrayOutputStream();
		StatusCommand.printEvaluation(
				Optional.of(new WorkerQueue("envelope-review.evaluate", -1, -1, "RabbitMQ did not answer: refused")),
				List.of(), new PrintStream(unreachable, true, StandardCharsets.UTF_8));

		// then a person sees who works, what is being done and what waits
		assertThat(busy.toString(StandardCharsets.UTF_8))
			.contains("Evaluation workers: 2 connected to RabbitMQ queue 'envelope-review.evaluate'; "
					+ "1 partition request(s) waiting")
			.contains("Partitions in flight: 2")
			.containsPattern("2026-Q3\\s+STARTED\\s+2026-07-01T00:00:00Z/2026-08-01T00:00:00Z\\s+120000 actions read")
			.containsPattern("2026-Q3\\s+STARTING\\s+2026-08-01T00:00:00Z/2026-09-01T00:00:00Z\\s+0 actions read");
		assertThat(idle.toString(StandardCharsets.UTF_8)).isEqualTo(String.format("Partitions in flight: none.%n"));
		assertThat(unreachable.toString(StandardCharsets.UTF_8)).startsWith(
				"Evaluation workers: unknown (RabbitMQ queue 'envelope-review.evaluate': RabbitMQ did not answer");
	}

	@Test
	void shouldPrintTheNextReviewTheNodesAndEachRunWithItsFindingsAndPacks() {
		// given a scheduled review, a live node and a completed run with a pack
		NextReview next = new NextReview(Instant.parse("2027-01-01T02:00:00Z"), Period.quarter("2026-Q4"),
				"0 0 2 1 1,4,7,10 ?", "UTC", ReviewCadence.QUARTER);
		SchedulerNode node = new SchedulerNode("host-a1764064800000", NOW.minusSeconds(3).toEpochMilli(), 7500);
		RunSummary run = new RunSummary(7, "2026-Q3", 2, RunStatus.COMPLETED, Instant.parse("2026-10-01T02:00:00Z"),
				Optional.of(Instant.parse("2026-10-01T02:04:10Z")), severities(1, 12, 4, 0),
				Optional.of(Path.of("out/2026-Q3")), List.of(Path.of("out/2026-Q3/payments-cab/review-pack.pdf")));

		// when it is printed
		String printed = print(new ScheduleStatus(NOW, Optional.of(next), List.of(node), List.of(run)));

		// then a person reads when, what, who and how it went
		assertThat(printed).contains("Next review: 2026-Q4 at 2027-01-01T02:00:00Z")
			.contains("host-a1764064800000")
			.contains("1 alive of 1")
			.containsPattern("2026-Q3\\s+2 COMPLETED\\s+2026-10-01T02:00:00Z\\s+4m10s\\s+17 \\(1/12/4/0\\)")
			.contains("pack out/2026-Q3/payments-cab/review-pack.pdf")
			.doesNotContain("MISSED")
			.doesNotContain("NOT ANSWERING");
	}

	@Test
	void shouldFlagAMissedReviewAndASilentNode() {
		// given a fire time an hour ago and a node that stopped checking in
		NextReview missed = new NextReview(NOW.minusSeconds(3600), Period.quarter("2026-Q3"), "0 0 2 1 1,4,7,10 ?",
				"UTC", ReviewCadence.QUARTER);
		SchedulerNode silent = new SchedulerNode("host-b", NOW.minusSeconds(600).toEpochMilli(), 7500);

		// when it is printed
		String printed = print(new ScheduleStatus(NOW, Optional.of(missed), List.of(silent), List.of()));

		// then both are called out
		assertThat(printed).contains("MISSED").contains("NOT ANSWERING").contains("0 alive of 1");
	}

	@Test
	void shouldSayWhenNothingIsScheduled() {
		String printed = print(new ScheduleStatus(NOW, Optional.empty(), List.of(), List.of()));

		assertThat(printed).contains("none scheduled").contains("Review runs: none yet.");
	}

	private static Map<String, Long> severities(long critical, long high, long medium, long low) {
		Map<String, Long> severities = new LinkedHashMap<>();
		severities.put("critical", critical);
		severities.put("high", high);
		severities.put("medium", medium);
		severities.put("low", low);
		return severities;
	}

	private static String print(ScheduleStatus status) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		StatusCommand.print(status, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
