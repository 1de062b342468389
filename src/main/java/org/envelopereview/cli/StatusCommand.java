package org.envelopereview.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.envelopereview.decision.DecisionReminders;
import org.envelopereview.review.run.EvaluationActivity;
import org.envelopereview.review.run.EvaluationActivity.WorkerQueue;
import org.envelopereview.review.run.PartitionInFlight;
import org.envelopereview.schedule.NextReview;
import org.envelopereview.schedule.RunSummary;
import org.envelopereview.schedule.ScheduleStatus;
import org.envelopereview.schedule.ScheduleStatusReader;
import org.envelopereview.schedule.SchedulerNode;

import org.springframework.stereotype.Component;

/**
 * {@code envelope-review status}: the next scheduled review, the latest runs, and the
 * board decisions still outstanding.
 */
@Component
@Command(name = "status", mixinStandardHelpOptions = true,
		description = {
				"Show the next scheduled review, the scheduler nodes, the latest review runs, the evaluate step's "
						+ "workers and partitions in flight, and the board decisions still outstanding.",
				"Reads the database (and, with review.job.workers=remote, asks RabbitMQ about the queue): works "
						+ "whether or not a scheduler or worker is running." })
class StatusCommand implements Callable<Integer> {

	private final ScheduleStatusReader reader;

	private final DecisionReminders reminders;

	private final EvaluationActivity evaluation;

	@Option(names = "--runs", defaultValue = "10",
			description = "How many of the latest runs to show (default ${DEFAULT-VALUE}).")
	int runs;

	StatusCommand(ScheduleStatusReader reader, DecisionReminders reminders, EvaluationActivity evaluation) {
		this.reader = reader;
		this.reminders = reminders;
		this.evaluation = evaluation;
	}

	@Override
	public Integer call() throws Exception {
		ScheduleStatus status = this.reader.read(this.runs);
		print(status, System.out);
		printEvaluation(this.evaluation.workerQueue(), this.evaluation.inFlight(), System.out);
		printReminders(this.reminders.at(status.readAt()), System.out);
		return 0;
	}

	/**
	 * The evaluate step's workers (when remote) and its partitions started or waiting.
	 */
	static void printEvaluation(Optional<WorkerQueue> queue, List<PartitionInFlight> inFlight, PrintStream out) {
		queue.ifPresent((workers) -> {
			if (workers.problem() != null) {
				out.printf("Evaluation workers: unknown (RabbitMQ queue '%s': %s)%n", workers.name(),
						workers.problem());
			}
			else {
				out.printf("Evaluation workers: %d connected to RabbitMQ queue '%s'; %d partition request(s) waiting%n",
						workers.workers(), workers.name(), workers.waiting());
			}
		});
		if (inFlight.isEmpty()) {
			out.println("Partitions in flight: none.");
			return;
		}
		out.printf("Partitions in flight: %d%n", inFlight.size());
		for (PartitionInFlight partition : inFlight) {
			out.printf("  %-10s %-8s %-52s %8d actions read, last recorded %s%n", partition.period(),
					partition.status(), partition.range(), partition.readCount(), partition.lastUpdated());
		}
	}

	/**
	 * What the boards still owe: unrecorded decisions, and decisions due soon or past
	 * due.
	 */
	static void printReminders(List<String> reminders, PrintStream out) {
		if (reminders.isEmpty()) {
			out.println("Board decisions: nothing outstanding.");
			return;
		}
		out.println("Board decisions outstanding:");
		reminders.forEach((reminder) -> out.println("  " + reminder));
	}

	static void print(ScheduleStatus status, PrintStream out) {
		Instant now = status.readAt();
		if (status.next().isEmpty()) {
			out.println("Next review: none scheduled (no `schedule` process has registered a schedule yet).");
		}
		else {
			NextReview next = status.next().get();
			out.printf("Next review: %s at %s (cron '%s' %s, reviews the %s before each fire)%s%n",
					next.period().label(), next.fireTime(), next.cron(), next.timeZone(), next.cadence().configName(),
					next.missed(now) ? " - MISSED: the next scheduler to start runs it once" : "");
		}
		if (status.nodes().isEmpty()) {
			out.println("Scheduler nodes: none has run on this database.");
		}
		else {
			out.printf("Scheduler nodes: %d alive of %d%n", status.aliveNodes().size(), status.nodes().size());
			for (SchedulerNode node : status.nodes()) {
				out.printf("  %-40s last check-in %s (%s ago)%s%n", node.instanceId(), node.lastCheckin(),
						human(Duration.between(node.lastCheckin(), now)),
						node.alive(now) ? "" : " - STOPPED OR NOT ANSWERING");
			}
		}
		if (status.latestRuns().isEmpty()) {
			out.println("Review runs: none yet.");
			return;
		}
		out.println("Latest review runs:");
		out.printf("  %-24s %4s %-10s %-22s %10s  %s%n", "PERIOD", "RUN", "STATE", "STARTED", "DURATION",
				"FINDINGS (critical/high/medium/low)");
		for (RunSummary run : status.latestRuns()) {
			out.printf("  %-24s %4d %-10s %-22s %10s  %d (%s)%n", run.period(), run.runNumber(), run.state(),
					run.startedAt(), human(run.duration(now)) + (run.finishedAt().isEmpty() ? "+" : ""), run.findings(),
					run.findingsBySeverity().values().stream().map(String::valueOf).collect(Collectors.joining("/")));
			run.packs().forEach((pack) -> out.printf("  %-24s pack %s%n", "", pack));
			if (run.packs().isEmpty()) {
				out.printf("  %-24s packs: %s%n", "", run.outputDir().map((dir) -> "none under " + dir).orElse("none"));
			}
		}
		out.printf("%d run(s) shown; %s.%n", status.latestRuns().size(),
				status.aliveNodes().isEmpty() ? "no scheduler is running" : "scheduler running");
	}

	private static String human(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		if (seconds < 60) {
			return seconds + "s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + "m" + (seconds % 60) + "s";
		}
		return (seconds / 3600) + "h" + ((seconds % 3600) / 60) + "m";
	}

}
