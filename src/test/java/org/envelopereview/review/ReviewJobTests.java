package org.envelopereview.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.FindingStore;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.review.fixtures.ActionBuilder;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.review.output.BoardReviewAssembler;
import org.envelopereview.review.output.ReviewOutputs;
import org.envelopereview.review.run.ChainVerificationRequest;
import org.envelopereview.review.run.ReviewRuns;
import org.envelopereview.review.run.RunEnvelopes;
import org.envelopereview.review.scope.ScopeMeasurement;
import org.envelopereview.support.DatabaseContract;
import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;
import org.envelopereview.support.TestOutput;
import org.envelopereview.system.ReviewPaths;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

public class ReviewJobTests {

	/** The job's behaviour, the same on both databases. */
	interface Contract extends DatabaseContract {

		default Jdbi jdbi() {
			return bean(Jdbi.class);
		}

		default ReviewLauncher launcher() {
			return bean(ReviewLauncher.class);
		}

		default FindingStore store() {
			return bean(FindingStore.class);
		}

		default Path outputDir() {
			return bean(ReviewPaths.class).outputDir().toAbsolutePath();
		}

		@BeforeEach
		default void clear() {
			ActionTable.clear(jdbi());
			TestOutput.emptied(context());
		}

		default void given() throws IOException {
			clear();
			ActionTable.insert(jdbi(), ReviewScenario.actions());
		}

		/** What the packs step hands each board's pack for the outcome's run. */
		default List<BoardReview> handedToPacks(ReviewOutcome outcome) {
			return bean(BoardReviewAssembler.class).assemble(bean(RunEnvelopes.class).inputs(outcome.runId()));
		}

		default Set<String> keys(long runId) {
			return store().findings(runId)
				.stream()
				.map(StoredFinding::key)
				.collect(Collectors.toCollection(TreeSet::new));
		}

		default String read(Path file) throws IOException {
			return Files.readString(file, StandardCharsets.UTF_8);
		}

		@Test
		default void shouldFindEveryExpectedFindingOfTheQuarter() throws IOException {
			given();
			ReviewOutcome outcome = launcher().run(Fixtures.Q3, null, false);
			assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(outcome.runNumber()).isEqualTo(1);
			assertThat(keys(outcome.runId())).containsExactlyElementsOf(ReviewScenario.expectedFindings());
			assertThat(outcome.findingsByBoard()).containsEntry(Fixtures.PAYMENTS, 18)
				.containsEntry(Fixtures.NETWORK, 7);
			Path payments = outputDir().resolve("2026-Q3").resolve(Fixtures.PAYMENTS);
			assertThat(outcome.outputDirs()).containsEntry(Fixtures.PAYMENTS, payments);
			assertThat(read(payments.resolve("findings.json"))).contains("\"code\" : \"OOS-CIDR\"")
				.contains("sg-0a1b2c3d opened 0.0.0.0/0:22 — envelope PA-FAILOVER-007 allows only")
				.doesNotContain("runId")
				.endsWith("}\n");
			assertThat(read(payments.resolve("findings.csv")))
				.startsWith("severity,code,board,unassigned,envelope,action,explanation,evidence,controls,key\r\n");
			assertThat(outcome.boards()).extracting((board) -> board.board().id())
				.containsExactly(Fixtures.PAYMENTS, Fixtures.NETWORK);
			assertThat(store().findings(outcome.runId()))
				.filteredOn((stored) -> stored.finding().code() == FindingCode.ENV_INVALID)
				.singleElement()
				.satisfies((stored) -> assertThat(stored.finding().explanation()).contains("pa-broken-900.yaml:",
						"1 action(s) in the period name PA-BROKEN-900"));
		}

		@Test
		default void shouldReportTheChainBreaksOfThePeriod() throws IOException {
			given();
			jdbi().useHandle((handle) -> {
				// edited in Q3, edited in Q2 (not this period's finding), a Q3 row
				// deleted
				handle.execute("UPDATE agent_action SET rationale_text = 'edited' WHERE id = 'a-0004'");
				handle.execute("UPDATE agent_action SET rationale_text = 'edited' WHERE id = 'a-0001'");
				handle.execute("DELETE FROM agent_action WHERE id = 'a-0120'");
			});
			ReviewOutcome outcome = launcher().run(Fixtures.Q3, null, false);
			assertThat(keys(outcome.runId())).filteredOn((key) -> key.startsWith("LOG-CHAIN-BROKEN"))
				.containsExactly("LOG-CHAIN-BROKEN|payments-cab|PA-FAILOVER-007|a-0004|failover-agent#4#HASH_MISMATCH",
						"LOG-CHAIN-BROKEN|payments-cab|PA-FAILOVER-007|a-0121|failover-agent#30#PREV_HASH_MISMATCH",
						"LOG-CHAIN-BROKEN|payments-cab|PA-FAILOVER-007|a-0121|failover-agent#30#SEQ_GAP");
			assertThat(handedToPacks(outcome).get(0).integrity().breaks()).hasSize(4);
			assertThat(handedToPacks(outcome).get(0).integrity().rowsChecked())
				.isEqualTo(ReviewScenario.actions().size() - 1);
		}

		@Test
		default void shouldFindNoChainBreakInAnUntouchedHistory() throws IOException {
			given();
			ReviewOutcome outcome = launcher().run(Fixtures.Q3, null, false);
			assertThat(handedToPacks(outcome).get(0).integrity().breaks()).isEmpty();
			assertThat(keys(outcome.runId())).noneMatch((key) -> key.startsWith("LOG-CHAIN-BROKEN"));
		}

		/**
		 * The same bytes on H2 and PostgreSQL: both compare with one expected file. After
		 * a deliberate change of wording, rewrite the files with
		 * {@code -Dtest='ReviewJobTests$OnH2' -Dreview.test.rewrite-expected=true} and
		 * review the diff.
		 */
		@Test
		default void shouldWriteExactlyTheExpectedFindingsJson() throws IOException {
			given();
			launcher().run(Fixtures.Q3, null, false);
			for (String board : List.of(Fixtures.PAYMENTS, Fixtures.NETWORK)) {
				String expected = new String(
						new ClassPathResource("review/expected/" + board + ".findings.json").getInputStream()
							.readAllBytes(),
						StandardCharsets.UTF_8);
				String actual = read(outputDir().resolve("2026-Q3").resolve(board).resolve("findings.json"));
				if (Boolean.getBoolean("review.test.rewrite-expected")) {
					Files.writeString(Path.of("src/test/resources/review/expected/" + board + ".findings.json"),
							actual);
				}
				assertThat(actual).as(board).isEqualTo(expected);
			}
		}

		/**
		 * The findings are the same bytes; what the chain verification covered differs,
		 * and says so: the second run starts from the checkpoints of the first.
		 */
		@Test
		default void shouldGiveByteIdenticalFindingsJsonForTwoRunsAndNumberThem() throws IOException {
			given();
			ReviewOutcome first = launcher().run(Fixtures.Q3, null, false);
			ReviewOutcome second = launcher().run(Fixtures.Q3, null, false);
			assertThat(second.runNumber()).isEqualTo(first.runNumber() + 1);
			Path payments = outputDir().resolve("2026-Q3").resolve(Fixtures.PAYMENTS);
			String firstJson = read(payments.resolve("runs").resolve("1").resolve("findings.json"));
			String secondJson = read(payments.resolve("findings.json"));
			assertThat(FindingsJson.withoutChainVerification(secondJson))
				.isEqualTo(FindingsJson.withoutChainVerification(firstJson));
			assertThat(FindingsJson.chainVerification(firstJson).path("scope").asString()).isEqualTo("full");
			assertThat(FindingsJson.chainVerification(secondJson).path("scope").asString())
				.isEqualTo("since-checkpoints");
			assertThat(FindingsJson.chainVerification(secondJson).path("checkpointsOf").path("run").asInt())
				.isEqualTo(1);
			assertThat(read(payments.resolve("findings.csv")))
				.isEqualTo(read(payments.resolve("runs").resolve("1").resolve("findings.csv")));
			assertThat(second.notes()).anySatisfy((note) -> assertThat(note).contains("of run 1 to"));
		}

		@Test
		default void shouldRefuseToReviewAPeriodWhileAnotherProcessHoldsItsLockAndReviewAfterwards()
				throws IOException {
			given();
			try (Handle other = jdbi().open()) {
				other.execute("INSERT INTO review_lock (period) VALUES ('2026-Q3') ON CONFLICT DO NOTHING");
				other.begin();
				other.createQuery("SELECT period FROM review_lock WHERE period = '2026-Q3' FOR UPDATE")
					.mapTo(String.class)
					.one();
				assertThatIllegalStateException().isThrownBy(() -> launcher().run(Fixtures.Q3, null, false))
					.withMessageContaining("is running in another process");
				assertThat(outputDir().resolve("2026-Q3")).doesNotExist();
				other.rollback();
			}
			assertThat(launcher().run(Fixtures.Q3, null, false).status()).isEqualTo(RunStatus.COMPLETED);
		}

		/** A database fault while writing the late action's finding, in a later chunk. */
		String LATE_ACTION_FAULT = "action_id IS NULL OR action_id <> '" + ReviewScenario.LATE_ACTION + "'";

		/** Reviews Q3 while a check constraint on {@code table} rejects what it must. */
		default ReviewOutcome runWithInjectedFault(String table, String check) {
			jdbi().useHandle((handle) -> handle
				.execute("ALTER TABLE " + table + " ADD CONSTRAINT injected_fault CHECK (" + check + ")"));
			try {
				return launcher().run(Fixtures.Q3, null, false);
			}
			finally {
				jdbi()
					.useHandle((handle) -> handle.execute("ALTER TABLE " + table + " DROP CONSTRAINT injected_fault"));
			}
		}

		@Test
		default void shouldRestartAFailedRunWhereItStoppedWithTheFindingsOfAnUninterruptedRun() throws IOException {
			given();
			ReviewOutcome failed = runWithInjectedFault("review_finding", LATE_ACTION_FAULT);
			assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
			assertThat(failed.failure()).contains("evaluateActionsStep");
			assertThat(keys(failed.runId())).contains("OOS-NOT-REVERTED|payments-cab|PA-FAILOVER-007|a-0004|")
				.noneMatch((key) -> key.contains(ReviewScenario.LATE_ACTION));
			assertThat(outputDir().resolve("2026-Q3")).doesNotExist();

			ReviewOutcome restarted = launcher().run(Fixtures.Q3, null, false);
			assertThat(restarted.restarted()).isTrue();
			assertThat(restarted.runId()).isEqualTo(failed.runId());
			assertThat(restarted.status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(keys(restarted.runId())).containsExactlyElementsOf(ReviewScenario.expectedFindings());
			long resumedReads = jdbi().withHandle((handle) -> handle.createQuery("""
					SELECT s.read_count FROM batch_step_execution s
					WHERE s.step_name = 'evaluateActionsStep' ORDER BY s.step_execution_id DESC LIMIT 1""")
				.mapTo(Long.class)
				.one());
			assertThat(resumedReads).as("the restart resumed after the last committed chunk")
				.isLessThan(ReviewScenario.actions().size())
				.isPositive();

			ReviewOutcome uninterrupted = launcher().run(Fixtures.Q3, null, false, ChainVerificationRequest.FULL);
			assertThat(uninterrupted.runNumber()).isEqualTo(2);
			Path payments = outputDir().resolve("2026-Q3").resolve(Fixtures.PAYMENTS);
			String restartedJson = read(payments.resolve("runs").resolve("1").resolve("findings.json"));
			String uninterruptedJson = read(payments.resolve("findings.json"));
			// both verified every chain in full; the second by request, and it names
			// itself
			// as the last full verification
			assertThat(FindingsJson.withoutChainVerification(restartedJson))
				.isEqualTo(FindingsJson.withoutChainVerification(uninterruptedJson));
			assertThat(FindingsJson.chainVerification(restartedJson).path("rowsChecked").asLong())
				.isEqualTo(FindingsJson.chainVerification(uninterruptedJson).path("rowsChecked").asLong())
				.isEqualTo(ReviewScenario.actions().size());
		}

		/**
		 * The step records a chunk's progress inside the chunk's transaction; when that
		 * write or the commit fails (a cut connection), the chunk's findings are rolled
		 * back, so the restart must read the chunk again rather than resume after it.
		 */
		@Test
		default void shouldReadAgainAChunkWhoseTransactionFailedWhileTheStepRecordedIt() throws IOException {
			given();
			long earlier = jdbi().withHandle((handle) -> handle
				.createQuery("SELECT COALESCE(MAX(step_execution_id), 0) FROM batch_step_execution")
				.mapTo(Long.class)
				.one());
			// the step's own record of its second chunk fails, in the chunk's transaction
			ReviewOutcome failed = runWithInjectedFault("batch_step_execution", "step_execution_id <= " + earlier
					+ " OR step_name NOT LIKE 'evaluateActionsPartition:%' OR status <> 'STARTED' OR commit_count < 2");
			assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
			assertThat(failed.failure()).contains("evaluateActionsStep");

			ReviewOutcome restarted = launcher().run(Fixtures.Q3, null, false);
			assertThat(restarted.restarted()).isTrue();
			assertThat(restarted.status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(keys(restarted.runId())).containsExactlyElementsOf(ReviewScenario.expectedFindings());
			assertThat(launcher().run(Fixtures.Q3, null, false).runNumber()).isEqualTo(2);
			List<Long> reads = jdbi().withHandle((handle) -> handle.createQuery("""
					SELECT SUM(s.read_count) FROM batch_step_execution s
					WHERE s.step_name LIKE 'evaluateActionsPartition:%' AND s.step_execution_id > :earlier
					GROUP BY s.job_execution_id ORDER BY s.job_execution_id""")
				.bind("earlier", earlier)
				.mapTo(Long.class)
				.list());
			assertThat(reads).hasSize(3);
			assertThat(reads.get(0) + reads.get(1)).as("failed and restarted reads against an uninterrupted run")
				.isEqualTo(reads.get(2));
		}

		/**
		 * A cut connection can fail the job while its step could not record its own end:
		 * the repository shows the step STARTED (or UNKNOWN) under a FAILED job, which
		 * Spring Batch refuses to restart as "already running".
		 */
		@Test
		default void shouldRestartAFailedRunWhoseStepWasLeftRunningOrUnknown() throws IOException {
			for (String leftAs : List.of("STARTED", "UNKNOWN")) {
				given();
				ReviewOutcome failed = runWithInjectedFault("review_finding", LATE_ACTION_FAULT);
				assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
				jdbi().useHandle((handle) -> handle.createUpdate("""
						UPDATE batch_step_execution SET status = :status, end_time = NULL
						WHERE step_name LIKE 'evaluateActions%' AND status = 'FAILED'
						AND job_execution_id = (SELECT MAX(job_execution_id) FROM batch_job_execution)""")
					.bind("status", leftAs)
					.execute());

				ReviewOutcome restarted = launcher().run(Fixtures.Q3, null, false);

				assertThat(restarted.status()).as(leftAs + ": " + restarted.failure()).isEqualTo(RunStatus.COMPLETED);
				assertThat(restarted.runId()).isEqualTo(failed.runId());
				assertThat(keys(restarted.runId())).containsExactlyElementsOf(ReviewScenario.expectedFindings());
			}
		}

		/**
		 * A killed process leaves its job and steps STARTED. Once, on an H2 file, the
		 * stored step was one version past the one just read when the restart marked it
		 * failed: the restart must read it again, not give up with "could not launch".
		 */
		@Test
		default void shouldRestartAKilledRunWhoseStepMovedOnAfterTheRestartReadIt() throws IOException {
			given();
			ReviewOutcome failed = runWithInjectedFault("review_finding", LATE_ACTION_FAULT);
			long jobExecutionId = jdbi().withHandle((handle) -> {
				long id = handle.createQuery("SELECT MAX(job_execution_id) FROM batch_job_execution")
					.mapTo(Long.class)
					.one();
				handle.execute("UPDATE batch_job_execution SET status = 'STARTED', end_time = NULL"
						+ " WHERE job_execution_id = ?", id);
				handle.execute("UPDATE batch_step_execution SET status = 'STARTED', end_time = NULL"
						+ " WHERE step_name LIKE 'evaluateActions%' AND job_execution_id = ?", id);
				return id;
			});
			JobRepository movingOn = MovingOnRepository
				.wrap(context().getBean(JobRepository.class),
						() -> jdbi().useHandle(
								(handle) -> handle.execute(
										"UPDATE batch_step_execution SET version = version + 1"
												+ " WHERE status = 'STARTED' AND job_execution_id = ?",
										jobExecutionId)));

			ReviewOutcome restarted = launcherWith(movingOn).run(Fixtures.Q3, null, false);

			assertThat(restarted.status()).as(String.valueOf(restarted.failure())).isEqualTo(RunStatus.COMPLETED);
			assertThat(restarted.runId()).isEqualTo(failed.runId());
			assertThat(keys(restarted.runId())).containsExactlyElementsOf(ReviewScenario.expectedFindings());
		}

		/** The application's launcher, reading and writing through {@code repository}. */
		default ReviewLauncher launcherWith(JobRepository repository) {
			ApplicationContext context = context();
			return new ReviewLauncher(context.getBean(JobOperator.class), repository,
					context.getBean("envelopeReviewJob", Job.class), context.getBean(ReviewRuns.class),
					context.getBean(RunEnvelopes.class), context.getBean(BoardReviewAssembler.class),
					context.getBean(ReviewOutputs.class), jdbi(), context.getBean(DataSource.class),
					context.getBean(EvaluationWorkers.class));
		}

		@Test
		default void shouldCarryOnARunWhoseProcessStoppedBeforeItsJobStarted() throws IOException {
			given();
			jdbi().useHandle((handle) -> handle.createUpdate("""
					INSERT INTO review_run (period, period_start, period_end, run_number, status, started_at)
					VALUES ('2026-Q3', :start, :end, 1, 'STARTING', :start)""")
				.bind("start", Fixtures.Q3.start().atOffset(java.time.ZoneOffset.UTC))
				.bind("end", Fixtures.Q3.end().atOffset(java.time.ZoneOffset.UTC))
				.execute());
			ReviewOutcome outcome = launcher().run(Fixtures.Q3, null, false);
			assertThat(outcome.restarted()).isTrue();
			assertThat(outcome.runNumber()).isEqualTo(1);
			assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(keys(outcome.runId())).containsExactlyElementsOf(ReviewScenario.expectedFindings());
		}

		@Test
		default void shouldStoreEachFindingKeyOncePerRunWhenWrittenAgain() throws IOException {
			given();
			ReviewOutcome outcome = launcher().run(Fixtures.Q3, null, false);
			List<StoredFinding> stored = store().findings(outcome.runId());
			store().insert(outcome.runId(), stored);
			assertThat(store().findings(outcome.runId())).hasSameSizeAs(stored);
		}

		@Test
		default void shouldHandThePackEachEnvelopesTrendIncludingPeriodsNoRunMeasured() throws IOException {
			given();
			ReviewOutcome outcome = launcher().run(Fixtures.Q3, null, false);
			BoardReview payments = handedToPacks(outcome).get(0);
			assertThat(payments.envelopes()).extracting(BoardReview.EnvelopeReview::envelopeId)
				.containsExactlyInAnyOrder(ReviewScenario.PA, "PA-BROKEN-900");
			List<ScopeMeasurement> trend = payments.envelopes()
				.stream()
				.filter((envelope) -> ReviewScenario.PA.equals(envelope.envelopeId()))
				.findFirst()
				.orElseThrow()
				.trend();
			// Q2 measured from the stored actions (a-0001 only), Q3 as this run stored it
			assertThat(trend).extracting(ScopeMeasurement::period).containsExactly("2026-Q2", "2026-Q3");
			assertThat(trend.get(0).actionCount()).isEqualTo(1);
			assertThat(trend.get(1).openRulesStart()).isEqualTo(1);
			assertThat(trend.get(1).openRulesEnd()).isEqualTo(2);
		}

		@Test
		default void shouldFindAnEarlierChangeWhoseRevertByFallsInThePeriod() throws IOException {
			given();
			ActionTable.insert(jdbi(),
					List.of(ActionBuilder.action()
						.id("a-0300")
						.agent("batch-agent")
						.envelope(null)
						.at("2026-05-01T00:00:00Z")
						.revertBy("2026-07-01T00:00:00Z")
						.build(),
							ActionBuilder.action()
								.id("a-0301")
								.agent("batch-agent")
								.envelope(null)
								.at("2026-05-01T00:00:00Z")
								.revertBy("2026-06-30T23:59:59Z")
								.build()));
			ReviewOutcome outcome = launcher().run(Fixtures.Q3, null, false);
			assertThat(keys(outcome.runId())).contains("OOS-NOT-REVERTED|network-security||a-0300|")
				.noneMatch((key) -> key.contains("a-0301"));
		}

		@Test
		default void shouldReviewOnlyTheBoardAskedFor() throws IOException {
			given();
			ReviewOutcome outcome = launcher().run(Fixtures.Q3, Fixtures.NETWORK, false);
			assertThat(outcome.findingsByBoard()).containsOnlyKeys(Fixtures.NETWORK);
			assertThat(keys(outcome.runId())).allMatch((key) -> key.contains("|network-security|"))
				.contains("ENV-DORMANT|network-security|NS-LEGACY-001||");
			assertThat(outputDir().resolve("2026-Q3").resolve(Fixtures.PAYMENTS)).doesNotExist();
		}

		@Test
		default void shouldFailAStrictRunWithAnInvalidEnvelopeBeforeWritingAnything() throws IOException {
			given();
			ReviewOutcome outcome = launcher().run(Fixtures.Q3, null, true);
			assertThat(outcome.status()).isEqualTo(RunStatus.REJECTED);
			assertThat(outcome.failure()).contains("--strict", "pa-broken-900.yaml");
			assertThat(outputDir().resolve("2026-Q3")).doesNotExist();
			assertThat(keys(outcome.runId())).isEmpty();
			// a refusal is not retried: the next run is a new one, here without --strict
			ReviewOutcome lenient = launcher().run(Fixtures.Q3, null, false);
			assertThat(lenient.restarted()).isFalse();
			assertThat(lenient.runNumber()).isEqualTo(outcome.runNumber() + 1);
			assertThat(lenient.status()).isEqualTo(RunStatus.COMPLETED);
		}

	}

	@Nested
	class OnH2 extends H2IntegrationTest implements Contract {

	}

	@Nested
	class OnPostgres extends PostgresIntegrationTest implements Contract {

	}

}
