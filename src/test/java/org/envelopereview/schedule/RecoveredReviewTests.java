package org.envelopereview.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

import org.envelopereview.EnvelopeReviewApplication;
import org.envelopereview.cli.EnvelopeReviewCommand;
import org.envelopereview.period.Period;
import org.envelopereview.period.ReviewCadence;
import org.envelopereview.review.ReviewLauncher;
import org.envelopereview.review.ReviewOutcome;
import org.envelopereview.review.RunStatus;
import org.envelopereview.support.PostgresDatabase;
import org.envelopereview.support.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real review job, killed mid-job on one node and finished by the other: its findings
 * equal those of an uninterrupted run on the same inputs.
 */
@SlowTest
class RecoveredReviewTests {

	private static final Path ENVELOPES = Path.of("envelopes").toAbsolutePath();

	/** Small chunks, so that a kill lands between commits of the evaluation step. */
	private static final String CHUNK_SIZE = "5";

	@TempDir
	Path temp;

	private final String schedulerName = ScheduleNode.uniqueSchedulerName();

	private final Period period = ReviewCadence.QUARTER.periodBefore(Instant.now());

	private PostgresDatabase clustered;

	private PostgresDatabase reference;

	private ScheduleNode nodeB;

	private ScheduleNode uninterrupted;

	private Process nodeA;

	private Path nodeALog;

	@BeforeEach
	void createDatabases() {
		this.clustered = PostgresDatabase.create();
		this.reference = PostgresDatabase.create();
		this.nodeALog = this.temp.resolve("node-a.log");
	}

	@AfterEach
	void stop() {
		if (this.nodeA != null) {
			this.nodeA.destroyForcibly();
		}
		Stream.of(this.nodeB, this.uninterrupted).filter((node) -> node != null).forEach(ScheduleNode::close);
		this.clustered.close();
		this.reference.close();
	}

	@Test
	void shouldFinishAReviewKilledMidJobOnTheOtherNodeWithTheFindingsOfAnUninterruptedRun() throws Exception {
		// given a quarter of history in two databases, and the uninterrupted run on one
		givenHistoryAndAnUninterruptedRun();

		// when node A, the `schedule` command in a process of its own, fires the review
		// and
		// is killed in the middle of the evaluation step
		Jdbi clusteredDb = this.nodeB.bean(Jdbi.class);
		startNodeAAndAwaitEvaluation(clusteredDb);
		this.nodeA.destroyForcibly();
		assertThat(this.nodeA.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(jobStatuses(clusteredDb)).containsExactly("STARTED");

		// and node B runs on
		this.nodeB.scheduler().start();

		// then B recovers the review and completes the same run, as if uninterrupted
		awaitCompletedRun(clusteredDb);
		assertThat(jobStatuses(clusteredDb)).containsExactly("FAILED", "COMPLETED");
		assertSameResultAsTheUninterruptedRun(clusteredDb);
		// and writes the signed packs, which status shows with the run
		await().atMost(Duration.ofMinutes(2)).until(() -> this.nodeB.scheduler().reviewing().isEmpty());
		RunSummary run = this.nodeB.bean(ScheduleStatusReader.class).read(1).latestRuns().get(0);
		assertThat(run.state()).isEqualTo(RunStatus.COMPLETED);
		assertThat(run.packs()).hasSize(findingsFiles(this.temp.resolve("clustered-out")).size())
			.allSatisfy((pack) -> assertThat(pack).isRegularFile().hasFileName("review-pack.pdf"));
	}

	@Test
	void shouldStopAReviewCleanlyOnSigtermAndResumeItOnTheOtherNode() throws Exception {
		// given a quarter of history in two databases, and the uninterrupted run on one
		givenHistoryAndAnUninterruptedRun();

		// when node A is sent SIGTERM in the middle of the evaluation step
		Jdbi clusteredDb = this.nodeB.bean(Jdbi.class);
		startNodeAAndAwaitEvaluation(clusteredDb);
		this.nodeA.destroy();
		assertThat(this.nodeA.waitFor(120, TimeUnit.SECONDS)).isTrue();

		// then the run was stopped cleanly, to be resumed
		assertThat(Files.readString(this.nodeALog)).contains("was stopped; the next node to fire resumes it");
		assertThat(jobStatuses(clusteredDb)).containsExactly("STOPPED");
		assertThat(runStatuses(clusteredDb)).containsExactly("STOPPED");

		// and when node B runs, it resumes the run and completes it, as if uninterrupted
		this.nodeB.scheduler().start();
		awaitCompletedRun(clusteredDb);
		assertThat(jobStatuses(clusteredDb)).containsExactly("STOPPED", "COMPLETED");
		assertSameResultAsTheUninterruptedRun(clusteredDb);
	}

	private void givenHistoryAndAnUninterruptedRun() {
		this.nodeB = realNode(this.clustered, this.schedulerName, "node-b", this.temp.resolve("clustered-out"));
		this.uninterrupted = realNode(this.reference, ScheduleNode.uniqueSchedulerName(), "reference",
				this.temp.resolve("reference-out"));
		Path history = this.temp.resolve("history.jsonl");
		assertThat(execute(this.nodeB, "generate-history", "--actions", "3000", "--from",
				this.period.start().atZone(ZoneOffset.UTC).toLocalDate().toString(), "--to",
				this.period.end().atZone(ZoneOffset.UTC).toLocalDate().toString(), "--envelopes", ENVELOPES.toString(),
				"-o", history.toString()))
			.isZero();
		assertThat(execute(this.nodeB, "ingest", history.toString())).isZero();
		assertThat(execute(this.uninterrupted, "ingest", history.toString())).isZero();
		ReviewOutcome expected = this.uninterrupted.bean(ReviewLauncher.class).run(this.period, null, false);
		assertThat(expected.completed()).isTrue();
	}

	/**
	 * Waits until node A has committed a few chunks of a range still running. A higher
	 * bar, or a slower poll, lets an idle machine finish the whole step between two
	 * polls, and the wait then never ends.
	 */
	private void startNodeAAndAwaitEvaluation(Jdbi clusteredDb) throws IOException {
		this.nodeA = startScheduleProcess(this.nodeALog);
		boolean seen = false;
		try {
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> evaluationCommits(clusteredDb) >= 3);
			seen = true;
		}
		finally {
			if (!seen || !this.nodeA.isAlive()) {
				System.err.println("node A's log:\n" + Files.readString(this.nodeALog));
			}
		}
	}

	private void awaitCompletedRun(Jdbi clusteredDb) {
		await().atMost(Duration.ofMinutes(5))
			.until(() -> runStatuses(clusteredDb), (statuses) -> statuses.contains("COMPLETED"));
		assertThat(runStatuses(clusteredDb)).containsExactly("COMPLETED");
	}

	private void assertSameResultAsTheUninterruptedRun(Jdbi clusteredDb) throws IOException {
		Jdbi referenceDb = this.uninterrupted.bean(Jdbi.class);
		// the restart went on from the last committed chunk instead of starting over
		List<Long> reads = evaluationReads(clusteredDb);
		assertThat(reads).hasSize(2);
		assertThat(reads.get(1)).isLessThan(evaluationReads(referenceDb).get(0));
		assertThat(reads.get(0) + reads.get(1)).isEqualTo(evaluationReads(referenceDb).get(0));
		// with the same findings, to the byte
		assertThat(findings(clusteredDb)).isNotEmpty().isEqualTo(findings(referenceDb));
		Map<String, String> clusteredFiles = findingsFiles(this.temp.resolve("clustered-out"));
		assertThat(clusteredFiles).isNotEmpty().isEqualTo(findingsFiles(this.temp.resolve("reference-out")));
	}

	private static ScheduleNode realNode(PostgresDatabase database, String schedulerName, String instanceId,
			Path outputDir) {
		return ScheduleNode.start(database.url(), database.user(), schedulerName, instanceId, null,
				"--review.envelopes-dir=" + ENVELOPES, "--review.output-dir=" + outputDir,
				"--review.data-dir=" + outputDir.resolveSibling("data"), "--review.packs.enabled=true",
				"--review.job.chunk-size=" + CHUNK_SIZE);
	}

	private Process startScheduleProcess(Path log) throws IOException {
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), "-Dspring.datasource.url=" + this.clustered.url(),
				"-Dspring.datasource.username=" + this.clustered.user(), "-Dspring.datasource.password=",
				"-Dreview.envelopes-dir=" + ENVELOPES, "-Dreview.output-dir=" + this.temp.resolve("clustered-out"),
				"-Dreview.data-dir=" + this.temp.resolve("data"), "-Dreview.job.chunk-size=" + CHUNK_SIZE,
				"-Dreview.schedule.cron=* * * * * ?", "-Dreview.schedule.health-port=0",
				"-Dspring.quartz.scheduler-name=" + this.schedulerName,
				"-Dspring.quartz.properties.org.quartz.scheduler.instanceId=node-a",
				"-Dspring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000",
				EnvelopeReviewApplication.class.getName(), "schedule")
			.directory(this.temp.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
	}

	private static int execute(ScheduleNode node, String... arguments) {
		return new CommandLine(node.bean(EnvelopeReviewCommand.class), node.bean(IFactory.class)).execute(arguments);
	}

	/** Chunks committed by the evaluate step's partitions in the running execution. */
	private static long evaluationCommits(Jdbi jdbi) {
		return jdbi.withHandle((handle) -> handle.createQuery("""
				SELECT coalesce(sum(commit_count), 0) FROM batch_step_execution
				 WHERE step_name LIKE 'evaluateActionsPartition:%' AND status = 'STARTED'
				""").mapTo(Long.class).one());
	}

	/** Actions read by the evaluate step's partitions, per job execution. */
	private static List<Long> evaluationReads(Jdbi jdbi) {
		return jdbi.withHandle((handle) -> handle.createQuery("""
				SELECT sum(read_count) FROM batch_step_execution
				 WHERE step_name LIKE 'evaluateActionsPartition:%'
				 GROUP BY job_execution_id ORDER BY job_execution_id
				""").mapTo(Long.class).list());
	}

	private static List<String> jobStatuses(Jdbi jdbi) {
		return jdbi.withHandle(
				(handle) -> handle.createQuery("SELECT status FROM batch_job_execution ORDER BY job_execution_id")
					.mapTo(String.class)
					.list());
	}

	private List<String> runStatuses(Jdbi jdbi) {
		return jdbi.withHandle((handle) -> handle
			.createQuery("SELECT status FROM review_run WHERE period = :period ORDER BY run_number")
			.bind("period", this.period.label())
			.mapTo(String.class)
			.list());
	}

	private static List<String> findings(Jdbi jdbi) {
		return jdbi.withHandle((handle) -> handle.createQuery("""
				SELECT concat_ws('|', finding_key, code, severity, board_id, envelope_id, action_id, explanation)
				  FROM review_finding ORDER BY finding_key
				""").mapTo(String.class).list());
	}

	private static Map<String, String> findingsFiles(Path outputDir) throws IOException {
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(outputDir)) {
			for (Path file : paths.filter((path) -> path.getFileName().toString().equals("findings.json")).toList()) {
				files.put(outputDir.relativize(file).toString(), Files.readString(file));
			}
		}
		return files;
	}

}
