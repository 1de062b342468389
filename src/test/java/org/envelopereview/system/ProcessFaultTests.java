package org.envelopereview.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.envelopereview.support.PostgresDatabase;
import org.envelopereview.support.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product killed with SIGKILL in the middle of its work, and its database connections
 * cut, then started again as a user would: nothing lost, nothing twice, and the run
 * completes with the findings of an uninterrupted run. Each test runs the real
 * application in child JVMs (see {@link ReviewProcess}), on an H2 file and on PostgreSQL.
 */
@SlowTest
class ProcessFaultTests {

	/**
	 * Lines of history reviewed; every 100th line is malformed and must be quarantined.
	 */
	static final int LINES = 16_000;

	static final int ACTIONS = LINES - LINES / 100;

	/** Lines of history ingested while the ingest is killed: enough to take seconds. */
	static final int INGEST_LINES = 48_000;

	static final int INGEST_ACTIONS = INGEST_LINES - INGEST_LINES / 100;

	static final String FINDINGS_OF_RUN_1 = """
			SELECT COUNT(*) FROM review_finding f JOIN review_run r ON r.id = f.run_id
			WHERE r.period = '2026-Q3' AND r.run_number = 1""";

	/** A quarter of agent history that names no envelope: one finding per action. */
	static Path history(Path dir, int count) throws IOException {
		List<String> lines = new ArrayList<>(count);
		Instant start = Instant.parse("2026-07-01T00:00:00Z");
		long spacing = 7_862_400L / count;
		for (int i = 1; i <= count; i++) {
			String time = start.plusSeconds(i * spacing).toString();
			if (i % 100 == 0) {
				time = "not-a-time-" + i;
			}
			lines.add(String.format("{\"id\":\"f-%06d\",\"occurredAt\":\"%s\",\"agent\":\"agent-%d\","
					+ "\"type\":\"security_group.ingress.add\",\"resource\":\"sg-%04x\",\"region\":\"eu-west-1\","
					+ "\"protocol\":\"tcp\",\"ports\":\"443\",\"cidr\":\"10.%d.%d.0/24\","
					+ "\"rationale\":{\"signal\":\"s-%d\",\"confidence\":0.9}}", i, time, i % 4, i % 512, i % 200,
					i % 250, i));
		}
		Path file = dir.resolve("history.jsonl");
		Files.write(file, lines, StandardCharsets.UTF_8);
		return file;
	}

	/** The faults, the same on both databases. */
	interface Contract {

		ReviewProcess product();

		Path workDir();

		/**
		 * The tree without what only the first run after an ingest reports: the records
		 * with no time, in total and per source file; and without what the chain
		 * verification covered, which differs between the runs (the second starts from
		 * the first's checkpoints).
		 */
		private static ObjectNode withoutReportedOnce(ObjectNode findings) {
			ObjectNode trail = (ObjectNode) findings.path("auditTrail");
			trail.remove("chainVerification");
			((ObjectNode) trail.path("quarantined")).remove("withoutTimeReportedOnce");
			trail.path("sources").forEach((source) -> ((ObjectNode) source).remove("quarantined"));
			return findings;
		}

		/** A findings.json read as a tree, to compare runs field by field. */
		private static ObjectNode findingsTree(Path findings) throws IOException {
			return (ObjectNode) JsonMapper.builder().build().readTree(Files.readString(findings));
		}

		@Test
		default void shouldLoseAndDuplicateNothingWhenIngestIsKilledAndRunAgain() throws Exception {
			Path history = history(workDir(), INGEST_LINES);

			ReviewProcess.Killed killed = product().runAndKill("SELECT COUNT(*) FROM agent_action",
					(count) -> count > INGEST_ACTIONS / 10, Pattern.compile(Pattern.quote("ingest " + history)),
					Duration.ofMillis(1500), "ingest", history.toString());
			long storedAtKill = killed.countAtKill();
			ReviewProcess.Result again = product().run("ingest", history.toString());

			assertThat(storedAtKill).as("killed part way").isBetween(1L, (long) INGEST_ACTIONS - 1);
			assertThat(again.exitCode()).as(again.output()).isZero();
			assertThat(again.output()).contains("duplicates " + storedAtKill);
			product().query((c) -> {
				assertThat(ReviewProcess.count(c, "SELECT COUNT(*) FROM agent_action")).isEqualTo(INGEST_ACTIONS);
				assertThat(ReviewProcess.count(c, "SELECT COUNT(*) FROM ingest_source"))
					.as("the killed and the whole ingest")
					.isEqualTo(2);
				assertThat(ReviewProcess.count(c, "SELECT COUNT(DISTINCT id) FROM agent_action"))
					.isEqualTo(INGEST_ACTIONS);
				assertThat(ReviewProcess.count(c, "SELECT COUNT(*) FROM quarantined_record"))
					.isEqualTo(INGEST_LINES / 100);
				assertThat(ReviewProcess.count(c, """
						SELECT COUNT(*) FROM (SELECT agent FROM agent_action GROUP BY agent
						HAVING MIN(seq) <> 1 OR MAX(seq) <> COUNT(*)) gaps""")).as("seq gaps or repeats").isZero();
				// one ordered pass: a self-join on (agent, seq) is planned as a nested
				// loop over
				// the whole table when PostgreSQL's statistics still say it is empty
				assertThat(ReviewProcess.count(c, """
						SELECT COUNT(*) FROM (SELECT prev_hash,
						       LAG(hash) OVER (PARTITION BY agent ORDER BY seq) AS prior_hash
						FROM agent_action) chained
						WHERE prior_hash IS NOT NULL AND prev_hash <> prior_hash""")).as("chain links broken").isZero();
				return null;
			});
			System.out
				.println("FAULT ingest killed at " + storedAtKill + " of " + INGEST_ACTIONS + " actions: survived");
		}

		@Test
		default void shouldCompleteAKilledReviewWithTheFindingsOfAnUninterruptedRun() throws Exception {
			Path history = history(workDir(), LINES);
			assertThat(product().run("ingest", history.toString()).exitCode()).isZero();

			// on H2: once the progress shows 1,000 actions read, chunks of them are
			// committed (a child has no terminal, so progress comes as plain lines)
			ReviewProcess.Killed killed = product().runAndKill(FINDINGS_OF_RUN_1, (count) -> count > ACTIONS / 10,
					Pattern.compile("Evaluating 2026-Q3: (\\d+% )?\\(\\d{4,}[ )]"), Duration.ofMillis(200), "run",
					"--period", "2026-Q3");
			ReviewProcess.Result restarted = product().run("run", "--period", "2026-Q3");
			ReviewProcess.Result uninterrupted = product().run("run", "--period", "2026-Q3");

			assertThat(killed.countAtKill()).as("killed part way").isBetween(1L, (long) ACTIONS - 1);
			assertThat(restarted.exitCode()).as(restarted.output()).isZero();
			assertThat(restarted.output()).contains("run 1 (id", "restarted) COMPLETED");
			assertThat(uninterrupted.exitCode()).as(uninterrupted.output()).isZero();
			assertThat(uninterrupted.output()).contains("run 2 (id");
			product().query((c) -> {
				List<String> run1 = keys(c, 1);
				List<String> run2 = keys(c, 2);
				assertThat(run1).as("run 1, killed and restarted, against run 2 (work dir %s)", workDir())
					.hasSizeGreaterThanOrEqualTo(ACTIONS)
					.containsExactlyInAnyOrderElementsOf(run2);
				assertThat(run1).noneMatch((key) -> key.startsWith("LOG-CHAIN-BROKEN"));
				return null;
			});
			for (String board : List.of("network-security", "payments-cab", "data-protection")) {
				Path dir = product().outputDir().resolve("2026-Q3").resolve(board);
				if (Files.exists(dir.resolve("findings.json"))) {
					// records with no time are reported once, by run 1 (SPEC: nothing
					// shown twice)
					ObjectNode run1 = findingsTree(dir.resolve("runs/1/findings.json"));
					ObjectNode run2 = findingsTree(dir.resolve("findings.json"));
					assertThat(run1.path("auditTrail").path("quarantined").path("withoutTimeReportedOnce").asLong())
						.as(board)
						.isEqualTo(LINES / 100);
					assertThat(run2.path("auditTrail").path("quarantined").path("withoutTimeReportedOnce").asLong())
						.as(board)
						.isZero();
					assertThat(run2.path("auditTrail").path("chainVerification").path("scope").asString()).as(board)
						.isEqualTo("since-checkpoints");
					assertThat(withoutReportedOnce(run1)).as(board).isEqualTo(withoutReportedOnce(run2));
				}
			}
			System.out.println("FAULT review killed at " + killed.countAtKill() + " findings: survived");
		}

		@Test
		default void shouldLeaveNoPackAReaderCouldTakeForCompleteWhenKilledWhileRendering() throws Exception {
			Path history = history(workDir(), 600);
			assertThat(product().run("ingest", history.toString()).exitCode()).isZero();
			Path period = product().outputDir().resolve("2026-Q3");

			ReviewProcess.Killed killed = product().runAndKillWhen(() -> !files(period, ".review-pack-").isEmpty(),
					Duration.ofMillis(300), "run", "--period", "2026-Q3");
			List<Path> packsAfterKill = files(period, "review-pack.pdf");
			ReviewProcess.Result again = product().run("run", "--period", "2026-Q3");
			List<Path> packs = files(period, "review-pack.pdf");
			ReviewProcess.Result verified = product().run(java.util.stream.Stream
				.concat(java.util.stream.Stream.of("verify"), packs.stream().map(Path::toString))
				.toArray(String[]::new));

			assertThat(killed.output()).as("the run is not complete while its packs are rendered")
				.doesNotContain("Review of 2026-Q3: run 1")
				.doesNotContain("Signed review packs");
			assertThat(packsAfterKill).as("a pack in place after the kill must be whole and signed")
				.allSatisfy((pack) -> assertThat(verifies(pack)).as(pack.toString()).isTrue());
			assertThat(again.exitCode()).as(again.output()).isZero();
			assertThat(again.output()).as("the killed run is restarted, not replaced by a new one")
				.contains("run 1 (id", "restarted) COMPLETED", "Signed review packs")
				.doesNotContain("run 2 (id");
			assertThat(packs).as("one signed pack per board, none archived")
				.hasSize(3)
				.noneMatch((pack) -> pack.toString().contains("/runs/"));
			assertThat(verified.exitCode()).as(verified.output()).isZero();
			assertThat(files(period, ".review-pack-")).as("the killed writer's work, cleared by the restart").isEmpty();
			product().query((c) -> {
				assertThat(ReviewProcess.count(c, "SELECT COUNT(*) FROM review_run")).isEqualTo(1);
				return null;
			});
			System.out.println("FAULT rendering killed with " + packsAfterKill.size() + " pack(s) in place: survived");
		}

		/** Whether {@code verify} accepts the pack. */
		default boolean verifies(Path pack) {
			try {
				return product().run("verify", pack.toString()).exitCode() == 0;
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** Files and directories under {@code root} whose name starts with {@code prefix}. */
	static List<Path> files(Path root, String prefix) {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
			return paths.filter((path) -> path.getFileName().toString().startsWith(prefix)).sorted().toList();
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			// a temporary directory vanished while walking
			return List.of();
		}
	}

	static List<String> keys(Connection connection, int runNumber) throws java.sql.SQLException {
		return ReviewProcess.strings(connection, """
				SELECT f.finding_key FROM review_finding f JOIN review_run r ON r.id = f.run_id
				WHERE r.period = '2026-Q3' AND r.run_number = %d ORDER BY f.finding_key""".formatted(runNumber));
	}

	@Nested
	class OnH2File implements Contract {

		@TempDir(cleanup = CleanupMode.ON_SUCCESS)
		Path workDir;

		ReviewProcess product;

		final TinyDisk disk = new TinyDisk();

		@BeforeEach
		void startProduct() {
			this.product = ReviewProcess.onH2File(this.workDir, "review.ingest.batch-size=50",
					"review.job.chunk-size=20", "review.ingest.progress-threshold-bytes=0");
		}

		@AfterEach
		void unmount() throws Exception {
			this.disk.close();
		}

		@Override
		public ReviewProcess product() {
			return this.product;
		}

		@Override
		public Path workDir() {
			return this.workDir;
		}

		/**
		 * Rows edited, deleted and reordered in the database after ingest: the pack
		 * reports each as LOG-CHAIN-BROKEN, and an untouched agent's chain as intact.
		 */
		@Test
		void shouldReportRowsEditedDeletedOrReorderedAfterIngestAsChainBreaksInThePack() throws Exception {
			Path history = history(this.workDir, 600);
			assertThat(this.product.run("ingest", history.toString()).exitCode()).isZero();
			this.product.query((c) -> {
				try (Statement statement = c.createStatement()) {
					// agent-2: a rule widened after the fact
					statement.executeUpdate("UPDATE agent_action SET cidr = '0.0.0.0/0' WHERE id = 'f-000010'");
					// agent-1: an embarrassing action removed
					statement.executeUpdate("DELETE FROM agent_action WHERE id = 'f-000021'");
				}
				return null;
			});
			// agent-0: two actions swapped in the chain
			swapSeq("f-000032", "f-000036");

			ReviewProcess.Result run = this.product.run("run", "--period", "2026-Q3");

			assertThat(run.exitCode()).as(run.output()).isZero();
			Path board = this.product.outputDir().resolve("2026-Q3").resolve("network-security");
			String findings = Files.readString(board.resolve("findings.json"));
			assertThat(findings).contains("LOG-CHAIN-BROKEN|network-security||f-000010|agent-2#3#HASH_MISMATCH")
				.contains("LOG-CHAIN-BROKEN|network-security||f-000025|agent-1#7#SEQ_GAP")
				.contains("LOG-CHAIN-BROKEN|network-security||f-000032|agent-0#9#PREV_HASH_MISMATCH")
				.doesNotContain("|agent-3#");
			assertThat(this.product.run("verify", board.resolve("review-pack.pdf").toString()).exitCode()).isZero();
			try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader
				.loadPDF(board.resolve("review-pack.pdf").toFile())) {
				assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("LOG-CHAIN-BROKEN");
			}
		}

		private void swapSeq(String first, String second) throws java.sql.SQLException {
			this.product.query((c) -> {
				long a = ReviewProcess.count(c, "SELECT seq FROM agent_action WHERE id = '" + first + "'");
				long b = ReviewProcess.count(c, "SELECT seq FROM agent_action WHERE id = '" + second + "'");
				try (Statement statement = c.createStatement()) {
					statement.executeUpdate("UPDATE agent_action SET seq = -2 WHERE id = '" + second + "'");
					statement.executeUpdate("UPDATE agent_action SET seq = " + b + " WHERE id = '" + first + "'");
					statement.executeUpdate("UPDATE agent_action SET seq = " + a + " WHERE id = '" + second + "'");
				}
				return null;
			});
		}

		/**
		 * The output directory cannot be written (it is a file): a clear error naming it,
		 * nothing half-written, and the run restarts once it can be written.
		 */
		@Test
		void shouldFailClearlyAndWriteNothingWhenTheOutputDirectoryCannotBeWritten() throws Exception {
			Path history = history(this.workDir, 600);
			assertThat(this.product.run("ingest", history.toString()).exitCode()).isZero();
			Path notADirectory = this.workDir.resolve("out-is-a-file");
			Files.writeString(notADirectory, "not a directory");
			ReviewProcess blocked = ReviewProcess.onH2File(this.workDir, "review.output-dir=" + notADirectory);

			ReviewProcess.Result failed = blocked.run("run", "--period", "2026-Q3");
			List<Path> written = files(this.workDir, "");
			ReviewProcess.Result restarted = this.product.run("run", "--period", "2026-Q3");

			assertThat(failed.exitCode()).isNotZero();
			assertThat(failed.output()).contains("run 1 (id", "FAILED",
					"writeOutputsStep failed: cannot write the findings of board", notADirectory.toString(),
					"Not a directory");
			assertThat(Files.readString(notADirectory)).isEqualTo("not a directory");
			assertThat(written).noneMatch((path) -> path.getFileName().toString().endsWith(".partial")
					|| path.getFileName().toString().endsWith(".pdf")
					|| path.getFileName().toString().startsWith("findings"));
			assertThat(restarted.exitCode()).as(restarted.output()).isZero();
			assertThat(restarted.output()).contains("run 1 (id", "restarted) COMPLETED");
			System.out.println("FAULT output directory not writable: survived; the run said:\n"
					+ failed.output().lines().filter((line) -> line.contains("failed")).findFirst().orElse(""));
		}

		/**
		 * A full disk while the findings are written: a tmpfs of 64 KiB as the output
		 * directory, too small for the 600 findings of network-security.
		 */
		@Test
		void shouldFailClearlyAndLeaveNothingHalfWrittenWhenTheDiskFillsWhileWritingFindings() throws Exception {
			Path history = history(this.workDir, 600);
			assertThat(this.product.run("ingest", history.toString()).exitCode()).isZero();
			Path out = this.disk.mount(this.product.outputDir(), "64k");

			ReviewProcess.Result failed = this.product.run("run", "--period", "2026-Q3");

			assertThat(failed.exitCode()).as(failed.output()).isNotZero();
			assertThat(failed.output()).contains("run 1 (id", "FAILED",
					"writeOutputsStep failed: cannot write the findings of board network-security",
					"findings.json: No space left on device");
			assertNothingHalfWritten(out);
			assertRestartsOnceSpaceIsAvailable(out);
			System.out.println("FAULT disk full while writing findings: survived; the run said:\n"
					+ failed.output().lines().filter((line) -> line.contains("failed")).findFirst().orElse(""));
		}

		/**
		 * A full disk while the packs are rendered: room for every board's findings and
		 * OSCAL/OCSF exports (about 350 KB in 3 directories) but not for a pack (250 KB
		 * and more, twice over while it is written).
		 */
		@Test
		void shouldFailClearlyAndLeaveNoHalfPackWhenTheDiskFillsWhileRenderingPacks() throws Exception {
			Path history = history(this.workDir, 60);
			assertThat(this.product.run("ingest", history.toString()).exitCode()).isZero();
			Path out = this.disk.mount(this.product.outputDir(), "512k");

			ReviewProcess.Result failed = this.product.run("run", "--period", "2026-Q3");

			assertThat(failed.exitCode()).as(failed.output()).isNotZero();
			assertThat(failed.output()).contains("run 1 (id", "FAILED",
					"writePacksStep failed: cannot write the review pack", "review-pack.pdf: ",
					"No space left on device");
			assertThat(files(out, "findings.json")).as("the findings were written before the packs").hasSize(3);
			assertNothingHalfWritten(out);
			assertRestartsOnceSpaceIsAvailable(out);
			System.out.println("FAULT disk full while rendering packs: survived; the run said:\n"
					+ failed.output().lines().filter((line) -> line.contains("failed")).findFirst().orElse(""));
		}

		/**
		 * No partial file, no pack, no pack work directory, and every board's files a
		 * whole set or none.
		 */
		private void assertNothingHalfWritten(Path out) throws IOException {
			assertThat(files(out, "")).noneMatch((path) -> path.getFileName().toString().endsWith(".partial"))
				.noneMatch((path) -> path.getFileName().toString().endsWith(".pdf"))
				.noneMatch((path) -> path.getFileName().toString().startsWith(".review-pack-"));
			for (Path board : files(out.resolve("2026-Q3"), "")) {
				if (Files.isDirectory(board) && !board.equals(out.resolve("2026-Q3"))) {
					long present = java.util.stream.Stream.of("findings.json", "findings.csv", "run.json")
						.filter((name) -> Files.exists(board.resolve(name)))
						.count();
					assertThat(present).as(board + " holds a whole set of findings files or none").isIn(0L, 3L);
				}
			}
		}

		private void assertRestartsOnceSpaceIsAvailable(Path out) throws Exception {
			this.disk.resize("64m");
			ReviewProcess.Result restarted = this.product.run("run", "--period", "2026-Q3");
			assertThat(restarted.exitCode()).as(restarted.output()).isZero();
			assertThat(restarted.output()).contains("run 1 (id", "restarted) COMPLETED", "Signed review packs");
			List<Path> packs = files(out, "review-pack.pdf");
			assertThat(packs).hasSize(3).allSatisfy((pack) -> assertThat(verifies(pack)).as(pack.toString()).isTrue());
			assertThat(files(out, "")).noneMatch((path) -> path.getFileName().toString().endsWith(".partial"))
				.noneMatch((path) -> path.getFileName().toString().startsWith(".review-pack-"));
		}

	}

	/**
	 * A real full disk: a tmpfs of a chosen size mounted over a directory. Tests run as
	 * root here and in CI; where mounting is not permitted the test is skipped, loudly.
	 */
	static final class TinyDisk implements AutoCloseable {

		private Path mounted;

		Path mount(Path directory, String size) throws IOException, InterruptedException {
			Files.createDirectories(directory);
			Command mount = Command.run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", directory.toString());
			if (mount.exitCode() != 0) {
				String reason = "SKIPPED: cannot mount a tmpfs to fill a disk (" + mount.output().strip()
						+ "); run the tests as root to exercise the disk-full faults";
				System.err.println(reason);
				Assumptions.abort(reason);
			}
			this.mounted = directory;
			return directory;
		}

		void resize(String size) throws IOException, InterruptedException {
			Command remount = Command.run("mount", "-o", "remount,size=" + size, this.mounted.toString());
			assertThat(remount.exitCode()).as(remount.output()).isZero();
		}

		@Override
		public void close() throws IOException, InterruptedException {
			if (this.mounted != null) {
				Command umount = Command.run("umount", this.mounted.toString());
				this.mounted = null;
				assertThat(umount.exitCode()).as(umount.output()).isZero();
			}
		}

		private record Command(int exitCode, String output) {

			static Command run(String... command) throws IOException, InterruptedException {
				Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
				String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				return new Command(process.waitFor(), output);
			}

		}

	}

	@Nested
	class OnPostgres implements Contract {

		@TempDir(cleanup = CleanupMode.ON_SUCCESS)
		Path workDir;

		PostgresDatabase database;

		ReviewProcess product;

		@BeforeEach
		void startProduct() {
			this.database = PostgresDatabase.create();
			this.product = new ReviewProcess(this.workDir, this.database.url(), this.database.user(),
					"review.ingest.batch-size=50", "review.job.chunk-size=20");
		}

		@AfterEach
		void dropDatabase() {
			this.database.close();
		}

		@Override
		public ReviewProcess product() {
			return this.product;
		}

		@Override
		public Path workDir() {
			return this.workDir;
		}

		/**
		 * The database goes away mid-run (every connection of the product cut by the
		 * server); the shared server itself is never stopped.
		 */
		@Test
		void shouldFailClearlyWhenTheDatabaseGoesAwayAndRestartCleanly() throws Exception {
			Path history = history(this.workDir, LINES);
			assertThat(this.product.run("ingest", history.toString()).exitCode()).isZero();

			ReviewProcess.Running running = this.product.start("run", "--period", "2026-Q3");
			long atCut;
			try (Connection observer = this.product.observe()) {
				long count;
				do {
					Thread.sleep(5);
					count = ReviewProcess.count(observer, FINDINGS_OF_RUN_1);
				}
				while (count <= ACTIONS / 10 && running.process().isAlive());
				atCut = count;
				try (Connection admin = DriverManager.getConnection(this.database.url(), this.database.user(), "");
						Statement statement = admin.createStatement()) {
					statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
							+ this.database.name() + "' AND pid <> pg_backend_pid()");
				}
			}
			assertThat(running.process().waitFor(3, TimeUnit.MINUTES)).isTrue();
			String failedOutput = running.output();
			ReviewProcess.Result restarted = this.product.run("run", "--period", "2026-Q3");
			ReviewProcess.Result uninterrupted = this.product.run("run", "--period", "2026-Q3");

			assertThat(atCut).as("cut part way").isBetween(1L, (long) ACTIONS - 1);
			assertThat(running.process().exitValue()).as(failedOutput).isNotZero();
			assertThat(failedOutput).contains("failed: lost the connection to the database (",
					"run the same command to restart the run");
			assertThat(restarted.exitCode()).as(restarted.output()).isZero();
			assertThat(restarted.output()).contains("run 1 (id", "restarted) COMPLETED");
			this.product.query((c) -> {
				assertThat(keys(c, 1)).as("run 1, cut and restarted, against run 2").isEqualTo(keys(c, 2));
				return null;
			});
			assertThat(uninterrupted.exitCode()).isZero();
			System.out
				.println("FAULT database connections cut at " + atCut + " findings: survived; the failed run said:\n"
						+ failedOutput.lines()
							.filter((line) -> !line.isBlank())
							.skip(0)
							.reduce("", (a, b) -> a + b + "\n"));
		}

	}

}
