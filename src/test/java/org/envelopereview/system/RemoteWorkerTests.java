package org.envelopereview.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.envelopereview.review.FindingsJson;
import org.envelopereview.support.PostgresDatabase;
import org.envelopereview.support.RabbitQueue;
import org.envelopereview.support.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluate step on worker processes (SPEC §6), as users run it: a manager and worker
 * JVMs on PostgreSQL and RabbitMQ give the findings of a single-process run byte for
 * byte; with no worker the run fails saying so and completes once a worker runs and the
 * command is run again; a worker killed with SIGKILL mid-partition loses nothing and
 * duplicates nothing. Each process is the real application in a child JVM
 * ({@link ReviewProcess}); the queue and database are this test's own.
 */
@SlowTest
class RemoteWorkerTests {

	/** Actions reviewed: four partitions of 1,000, committed ten at a time. */
	static final int ACTIONS = 4_000;

	static final List<String> BOARDS = List.of("network-security", "payments-cab", "data-protection");

	static final Duration READY = Duration.ofMinutes(3);

	static final Pattern RUNNING = Pattern
		.compile("(Running|Resuming) partition \\S+ \\(step execution (\\d+), job execution (\\d+)\\)");

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path workDir;

	PostgresDatabase database;

	RabbitQueue queue;

	ReviewProcess single;

	ReviewProcess manager;

	ReviewProcess workers;

	final List<ReviewProcess.Running> started = new java.util.ArrayList<>();

	@BeforeEach
	void createDatabaseAndQueue() throws Exception {
		this.database = PostgresDatabase.create();
		this.queue = RabbitQueue.create();
		// the packs say nothing about the evaluate step and take most of a run's time
		this.single = process("single", "review.job.chunk-size=10", "review.packs.enabled=false");
		this.manager = process("manager", Stream.concat(Stream.of(this.queue.settings()),
				Stream.of("review.packs.enabled=false", "review.job.workers=remote", "review.job.remote-partitions=4",
						"review.job.remote-poll-interval=PT0.2S", "review.job.remote-timeout=PT2M"))
			.toArray(String[]::new));
		this.workers = process("workers",
				Stream.concat(Stream.of(this.queue.settings()), Stream.of("review.job.chunk-size=10"))
					.toArray(String[]::new));
	}

	private ReviewProcess process(String name, String... settings) throws Exception {
		Path dir = Files.createDirectories(this.workDir.resolve(name));
		return new ReviewProcess(dir, this.database.url(), this.database.user(), settings);
	}

	@AfterEach
	void stopWorkersAndDropQueue() throws Exception {
		for (ReviewProcess.Running running : this.started) {
			running.process().destroyForcibly().waitFor();
		}
		this.queue.close();
		this.database.close();
	}

	@Test
	void shouldGiveTheFindingsOfOneProcessWhenNoWorkerRunsOrOneIsKilledMidPartition() throws Exception {
		// given a quarter of history reviewed once by a single process
		Path history = history();
		assertThat(this.single.run("ingest", history.toString()).exitCode()).isZero();
		ReviewProcess.Result reference = this.single.run("run", "--period", "2026-Q3");
		assertThat(reference.output()).as(reference.output()).contains("run 1 (id", ") COMPLETED");

		// when the manager sends the partitions and no worker runs
		ReviewProcess.Result unattended = this.manager.with("review.job.remote-timeout=PT3S")
			.run("run", "--period", "2026-Q3");

		// then the run fails, saying why and what to do
		assertThat(unattended.exitCode()).as(unattended.output()).isEqualTo(1);
		assertThat(unattended.output()).contains("run 2 (id", ") FAILED",
				"evaluateActionsStep failed: no worker completed the evaluate step's partitions within "
						+ "review.job.remote-timeout (PT3S): 4 of them had not finished; no worker is connected to "
						+ "RabbitMQ queue '" + this.queue.name() + "'",
				"Start `envelope-review worker` processes", "run the same command again");

		// when two workers start (and skip the requests of the run that gave up), and one
		// is killed in the middle of a partition while the run is run again
		ReviewProcess.Running first = startWorker();
		ReviewProcess.Running second = startWorker();
		awaitReady(first);
		awaitReady(second);
		ReviewProcess.Running restart = this.manager.start("run", "--period", "2026-Q3");
		long killedStep = killMidPartition(first, restart);
		ReviewProcess.Running third = startWorker();
		ReviewProcess.Result restarted = finish(restart);

		// then the restarted run completes, the survivor having resumed the partition
		assertThat(restarted.exitCode()).as(restarted.output()).isZero();
		assertThat(restarted.output()).contains("run 2 (id", "restarted) COMPLETED");
		assertThat(second.output()).contains("(step execution " + killedStep + ",")
			.containsPattern("Resuming partition \\S+ \\(step execution " + killedStep + ", [^\\n]* after its \\d+ "
					+ "committed actions");
		assertThat(first.output() + second.output()).contains("it has already ended FAILED");

		// when a new worker joins the survivor and the period is reviewed anew
		awaitReady(third);
		int secondBefore = second.output().length();
		int thirdBefore = third.output().length();
		ReviewProcess.Result fresh = this.manager.run("run", "--period", "2026-Q3");

		// then both took partitions, and every run has the single process's findings
		assertThat(fresh.exitCode()).as(fresh.output()).isZero();
		assertThat(fresh.output()).contains("run 3 (id", ") COMPLETED");
		assertThat(partitionsRun(second.output().substring(secondBefore))).as(second.output()).isPositive();
		assertThat(partitionsRun(third.output().substring(thirdBefore))).as(third.output()).isPositive();
		try (Connection c = this.single.observe()) {
			List<String> run1 = ProcessFaultTests.keys(c, 1);
			assertThat(run1).hasSizeGreaterThanOrEqualTo(ACTIONS);
			assertThat(ProcessFaultTests.keys(c, 2)).as("run 2, killed worker").containsExactlyElementsOf(run1);
			assertThat(ProcessFaultTests.keys(c, 3)).as("run 3, two workers").containsExactlyElementsOf(run1);
			assertThat(ReviewProcess.count(c, """
					SELECT COUNT(*) - COUNT(DISTINCT (run_id, finding_key)) FROM review_finding""")).isZero();
		}
		for (String board : BOARDS) {
			Path single = this.single.outputDir().resolve("2026-Q3").resolve(board);
			Path remote = this.manager.outputDir().resolve("2026-Q3").resolve(board);
			assertThat(remote.resolve("runs/2/findings.csv")).as("run 2: " + board + "/findings.csv")
				.hasSameBinaryContentAs(single.resolve("findings.csv"));
			assertThat(remote.resolve("findings.csv")).as("run 3: " + board + "/findings.csv")
				.hasSameBinaryContentAs(single.resolve("findings.csv"));
			// findings.json: the same but for what each run's chain verification covered
			// (a later run starts from the checkpoints of the runs before it)
			JsonNode expected = FindingsJson
				.withoutChainVerification(Files.readString(single.resolve("findings.json")));
			assertThat(FindingsJson.withoutChainVerification(Files.readString(remote.resolve("runs/2/findings.json"))))
				.as("run 2: " + board + "/findings.json")
				.isEqualTo(expected);
			assertThat(FindingsJson.withoutChainVerification(Files.readString(remote.resolve("findings.json"))))
				.as("run 3: " + board + "/findings.json")
				.isEqualTo(expected);
		}
		System.out.println("REMOTE workers: killed one in step execution " + killedStep + "; findings identical");
	}

	/** The fault tests' quarter of history without its malformed lines. */
	private Path history() throws Exception {
		Path history = ProcessFaultTests.history(this.workDir, ACTIONS + ACTIONS / 99 + 1);
		List<String> lines = Files.readAllLines(history)
			.stream()
			.filter((line) -> !line.contains("not-a-time"))
			.toList();
		Files.write(history, lines.subList(0, ACTIONS));
		return history;
	}

	private ReviewProcess.Running startWorker() throws Exception {
		ReviewProcess.Running worker = this.workers.start("worker");
		this.started.add(worker);
		return worker;
	}

	private static void awaitReady(ReviewProcess.Running worker) throws Exception {
		Instant deadline = Instant.now().plus(READY);
		while (!worker.output().contains("taking evaluate partitions from RabbitMQ queue")) {
			if (!worker.process().isAlive() || Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("the worker did not start; its output:\n" + worker.output());
			}
			Thread.sleep(50);
		}
	}

	/**
	 * Kills {@code worker} with SIGKILL once a partition it is running has committed two
	 * chunks and not ended.
	 * @return the step execution of that partition
	 */
	private long killMidPartition(ReviewProcess.Running worker, ReviewProcess.Running manager) throws Exception {
		Instant deadline = Instant.now().plus(READY);
		try (Connection c = this.single.observe()) {
			while (Instant.now().isBefore(deadline)) {
				if (!manager.process().isAlive()) {
					throw new IllegalStateException("the run ended before a worker could be killed mid-partition:\n"
							+ manager.output() + "\nworker:\n" + worker.output());
				}
				Matcher running = RUNNING.matcher(worker.output());
				long step = -1;
				while (running.find()) {
					step = Long.parseLong(running.group(2));
				}
				if (step > 0 && ReviewProcess.count(c, "SELECT commit_count FROM batch_step_execution WHERE status = "
						+ "'STARTED' AND step_execution_id = " + step) >= 2) {
					worker.process().destroyForcibly().waitFor();
					return step;
				}
				Thread.sleep(10);
			}
		}
		throw new IllegalStateException("the worker never ran a partition long enough:\n" + worker.output());
	}

	private static ReviewProcess.Result finish(ReviewProcess.Running running) throws Exception {
		if (!running.process().waitFor(READY.toSeconds(), TimeUnit.SECONDS)) {
			running.process().destroyForcibly().waitFor();
			throw new IllegalStateException("the run did not end; its output:\n" + running.output());
		}
		return new ReviewProcess.Result(running.process().exitValue(), running.output());
	}

	private static long partitionsRun(String workerOutput) {
		return RUNNING.matcher(workerOutput).results().count();
	}

}
