package org.envelopereview.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.action.chain.AuditTrailVerifier;
import org.envelopereview.action.ingest.ActionIngester;
import org.envelopereview.action.ingest.IngestInput;
import org.envelopereview.action.ingest.IngestReport;
import org.envelopereview.action.ingest.SourceWithdrawals;
import org.envelopereview.finding.FindingStore;
import org.envelopereview.period.Period;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.review.output.BoardReviewAssembler;
import org.envelopereview.review.run.RunEnvelopes;
import org.envelopereview.support.DatabaseContract;
import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;
import org.envelopereview.support.TestOutput;
import org.envelopereview.system.ReviewPaths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the packs show of the ingested audit trail beyond its actions (issue 14): records
 * with no time reported once, write events not reviewed per period, withdrawn sources,
 * and the source files each period came from. Over real CloudTrail captures
 * (src/test/resources/realdata, SOURCES.md: invictus-ir, 2023-07-10).
 */
class AuditTrailInputsTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Period Q3_2023 = Period.quarter("2023-Q3");

	static final Period Q4_2023 = Period.quarter("2023-Q4");

	/** bert-jan's network changes, with CreateVpc and DeleteSubnet no rule covers. */
	static final String EARLIER = "218007301253_CloudTrail_us-east-1_20230710T1215Z_YMDRJwtmC82bUwAo.json";

	/** bert-jan's later changes: they chain onto the earlier file's. */
	static final String LATER = "218007301253_CloudTrail_us-east-1_20230710T1215Z_P0WZuP2zvLW2RcUo.json";

	interface Scenarios extends DatabaseContract {

		@Test
		default void shouldReportAQuarantinedRecordWithNoTimeInExactlyOneRunAndATimedOneInItsPeriodOnly()
				throws IOException {
			reset();
			Path actions = directory().resolve("actions.jsonl");
			Files.writeString(actions, """
					{"id":"n-1","agent":"failover-agent","type":"route.add","cidr":"10.0.0.0/8"}
					{"id":"n-2","occurredAt":"2023-08-01T10:00:00Z","agent":"failover-agent","type":"route.teleport"}
					""");
			IngestReport ingested = ingest(actions);
			assertThat(ingested.totals().quarantined()).isEqualTo(2);

			ReviewOutcome q3 = bean(ReviewLauncher.class).run(Q3_2023, null, false);
			ReviewOutcome q4 = bean(ReviewLauncher.class).run(Q4_2023, null, false);
			ReviewOutcome q3Again = bean(ReviewLauncher.class).run(Q3_2023, null, false);

			assertThat(quarantinedIds(q3)).containsExactly("n-1", "n-2");
			assertThat(quarantinedIds(q4)).as("no time: reported once; a time in Q3: not in Q4").isEmpty();
			assertThat(quarantinedIds(q3Again)).as("a later run of the same period").containsExactly("n-2");
			assertThat(quarantinedIds(q3)).as("the first run's packs, rebuilt as a restart rebuilds them")
				.containsExactly("n-1", "n-2");
		}

		@Test
		default void shouldReportARecordWithNoTimeInTheRunThatClaimedItWhenThatRunIsRestarted() throws IOException {
			reset();
			Path actions = directory().resolve("actions.jsonl");
			Files.writeString(actions, """
					{"id":"n-1","agent":"failover-agent","type":"route.add","cidr":"10.0.0.0/8"}
					""");
			ingest(actions);
			Jdbi jdbi = bean(Jdbi.class);
			// the audit-trail step fails, after the first step claimed the record
			jdbi.useHandle((handle) -> handle
				.execute("ALTER TABLE review_integrity ADD CONSTRAINT injected_fault CHECK (rows_checked < 0)"));
			ReviewOutcome failed;
			try {
				failed = bean(ReviewLauncher.class).run(Q3_2023, null, false);
			}
			finally {
				jdbi.useHandle(
						(handle) -> handle.execute("ALTER TABLE review_integrity DROP CONSTRAINT injected_fault"));
			}
			assertThat(failed.status()).isEqualTo(RunStatus.FAILED);

			ReviewOutcome other = bean(ReviewLauncher.class).run(Q4_2023, null, false);
			ReviewOutcome restarted = bean(ReviewLauncher.class).run(Q3_2023, null, false);

			assertThat(quarantinedIds(other)).as("claimed by the run of Q3 that failed").isEmpty();
			assertThat(restarted.restarted()).isTrue();
			assertThat(restarted.runId()).isEqualTo(failed.runId());
			assertThat(quarantinedIds(restarted)).containsExactly("n-1");
		}

		@Test
		default void shouldLeaveARecordWithNoTimeToARunOfEveryBoard() throws IOException {
			reset();
			Path actions = directory().resolve("actions.jsonl");
			Files.writeString(actions, """
					{"id":"n-1","agent":"failover-agent","type":"route.add","cidr":"10.0.0.0/8"}
					""");
			ingest(actions);

			ReviewOutcome oneBoard = bean(ReviewLauncher.class).run(Q3_2023, "payments-cab", false);
			ReviewOutcome everyBoard = bean(ReviewLauncher.class).run(Q4_2023, null, false);

			assertThat(quarantinedIds(oneBoard)).as("the other boards would never see it").isEmpty();
			assertThat(quarantinedIds(everyBoard)).containsExactly("n-1");
		}

		@Test
		default void shouldListWriteEventsNotReviewedInThePacksOfTheirPeriodOnly() throws IOException {
			reset();
			ingest(realdata(EARLIER));

			BoardReview.TrailInputs q3 = trail(bean(ReviewLauncher.class).run(Q3_2023, null, false));
			BoardReview.TrailInputs q4 = trail(bean(ReviewLauncher.class).run(Q4_2023, null, false));

			assertThat(q3.notReviewed()).contains(
					new BoardReview.NotReviewedEvent("CreateVpc", 2, java.time.LocalDate.parse("2023-07-10"),
							java.time.LocalDate.parse("2023-07-10")),
					new BoardReview.NotReviewedEvent("DeleteSubnet", 3, java.time.LocalDate.parse("2023-07-10"),
							java.time.LocalDate.parse("2023-07-10")));
			assertThat(q3.notReviewed()).extracting(BoardReview.NotReviewedEvent::eventName)
				.as("read-only events are skipped, not listed")
				.noneMatch((name) -> name.startsWith("Describe") || name.startsWith("Get") || name.startsWith("List"));
			assertThat(q4.notReviewed()).isEmpty();
			assertThat(q3.sources()).singleElement().satisfies((source) -> {
				assertThat(source.name()).endsWith(EARLIER);
				assertThat(source.sha256()).hasSize(64);
				assertThat(source.actions()).isPositive();
				assertThat(source.notReviewed()).isGreaterThanOrEqualTo(5);
			});
			assertThat(q4.sources()).isEmpty();
		}

		@Test
		default void shouldCountAFileIngestedTwiceOnceInTheNotReviewedTable() throws IOException {
			reset();
			Path file = realdata(EARLIER);
			ingest(file);
			ingest(file);

			BoardReview.TrailInputs q3 = trail(bean(ReviewLauncher.class).run(Q3_2023, null, false));

			assertThat(q3.notReviewed()).filteredOn((event) -> event.eventName().equals("CreateVpc"))
				.singleElement()
				.extracting(BoardReview.NotReviewedEvent::events)
				.isEqualTo(2L);
		}

		@Test
		default void shouldTakeAWithdrawnSourceOutOfReviewShowItOnceAndLetACorrectedFileIngestAgain()
				throws IOException {
			reset();
			Path file = realdata(EARLIER);
			IngestReport first = ingest(file);
			long stored = first.totals().stored();
			ReviewOutcome before = bean(ReviewLauncher.class).run(Q3_2023, null, false);
			assertThat(actionFindings(before)).isPositive();

			SourceWithdrawals.Withdrawn withdrawn = bean(SourceWithdrawals.class).withdraw(file.toString(),
					"test account's trail ingested by mistake", "jmin");

			assertThat(withdrawn.actions()).isEqualTo(stored);
			assertThat(withdrawn.notReviewed()).isGreaterThanOrEqualTo(5);
			ReviewOutcome after = bean(ReviewLauncher.class).run(Q3_2023, null, false);
			assertThat(actionFindings(after)).as("findings about the withdrawn source's actions").isZero();
			BoardReview.TrailInputs trail = trail(after);
			assertThat(trail.withdrawals()).singleElement().satisfies((shown) -> {
				assertThat(shown.sourceName()).isEqualTo(file.toString());
				assertThat(shown.sha256()).isEqualTo(withdrawn.sha256());
				assertThat(shown.withdrawnBy()).isEqualTo("jmin");
				assertThat(shown.reason()).isEqualTo("test account's trail ingested by mistake");
				assertThat(shown.actionsRemoved()).isEqualTo(stored);
			});
			assertThat(trail.notReviewed()).isEmpty();
			assertThat(trail.sources()).isEmpty();
			assertThat(findingsJsons(Q3_2023)).isNotEmpty().allSatisfy((json) -> {
				JsonNode withdrawal = json.path("auditTrail").path("withdrawals").path(0);
				assertThat(withdrawal.path("sha256").asString()).isEqualTo(withdrawn.sha256());
				assertThat(withdrawal.path("actionsRemoved").asLong()).isEqualTo(stored);
				assertThat(withdrawal.path("withdrawnBy").asString()).isEqualTo("jmin");
			});
			assertThat(trail(bean(ReviewLauncher.class).run(Q4_2023, null, false)).withdrawals())
				.as("shown once, in the next review only")
				.isEmpty();
			assertThatThrownBy(() -> bean(SourceWithdrawals.class).withdraw(withdrawn.sha256(), "again", "jmin"))
				.isInstanceOf(SourceWithdrawals.WithdrawalRefused.class)
				.hasMessageContaining("already withdrawn")
				.hasMessageContaining("by jmin");

			IngestReport again = ingest(file);

			assertThat(again.totals().stored()).isEqualTo(stored);
			assertThat(again.totals().quarantined()).as("no conflicting duplicate of a withdrawn action").isZero();
			assertThat(bean(AuditTrailVerifier.class).verify((chainBreak) -> {
				throw new AssertionError("chain break " + chainBreak);
			})).isEqualTo(stored);
			assertThat(trail(bean(ReviewLauncher.class).run(Q3_2023, null, false)).notReviewed())
				.extracting(BoardReview.NotReviewedEvent::eventName)
				.contains("CreateVpc");
		}

		@Test
		default void shouldRefuseToWithdrawASourceThatLaterRecordsChainOnto() throws IOException {
			reset();
			Path earlier = realdata(EARLIER);
			Path later = realdata(LATER);
			ingest(earlier);
			ingest(later);

			assertThatThrownBy(() -> bean(SourceWithdrawals.class).withdraw(earlier.toString(), "wrong file", "jmin"))
				.isInstanceOf(SourceWithdrawals.WithdrawalRefused.class)
				.hasMessageContaining("later records chain onto its actions")
				.hasMessageContaining("agent bert-jan")
				.hasMessageContaining(later.toString());

			bean(SourceWithdrawals.class).withdraw(later.toString(), "withdrawn first, newest first", "jmin");
			bean(SourceWithdrawals.class).withdraw(earlier.toString(), "wrong file", "jmin");
			assertThat(bean(AuditTrailVerifier.class).verify((chainBreak) -> {
				throw new AssertionError("chain break " + chainBreak);
			})).isZero();
		}

		@Test
		default void shouldSayWhyASourceCannotBeWithdrawn() {
			reset();
			assertThatThrownBy(() -> bean(SourceWithdrawals.class).withdraw("no/such/file.json", "typo", "jmin"))
				.isInstanceOf(SourceWithdrawals.WithdrawalRefused.class)
				.hasMessageContaining("no source was ingested as no/such/file.json");
			assertThatThrownBy(() -> bean(SourceWithdrawals.class).withdraw("no\u0000path", "typo", "jmin"))
				.isInstanceOf(SourceWithdrawals.WithdrawalRefused.class)
				.hasMessageContaining("no source was ingested as 'no\\u0000path'");
			assertThatThrownBy(() -> bean(SourceWithdrawals.class).withdraw("ab".repeat(32), "typo", "jmin"))
				.isInstanceOf(SourceWithdrawals.WithdrawalRefused.class)
				.hasMessageContaining("no ingested source has SHA-256 " + "ab".repeat(32));
			assertThatThrownBy(() -> bean(SourceWithdrawals.class).withdraw("ab".repeat(32), " ", "jmin"))
				.isInstanceOf(SourceWithdrawals.WithdrawalRefused.class)
				.hasMessageContaining("a reason is required");
		}

		private void reset() {
			ActionTable.clear(bean(Jdbi.class));
			bean(Jdbi.class).useHandle((handle) -> {
				handle.execute("DELETE FROM not_reviewed_event");
				handle.execute("DELETE FROM ingest_source");
			});
			TestOutput.emptied(context());
		}

		/** Each board's findings.json of the period's latest run. */
		private List<JsonNode> findingsJsons(Period period) throws IOException {
			Path root = bean(ReviewPaths.class).outputDir().toAbsolutePath().resolve(period.label());
			try (java.util.stream.Stream<Path> boards = Files.list(root)) {
				return boards.map((board) -> board.resolve("findings.json"))
					.filter(Files::isRegularFile)
					.map((file) -> JSON.readTree(file.toFile()))
					.toList();
			}
		}

		private IngestReport ingest(Path file) {
			return bean(ActionIngester.class).ingest(List.of(IngestInput.file(file)), null, 1_048_576);
		}

		private Path realdata(String name) throws IOException {
			Path file = directory().resolve(name);
			try (InputStream input = AuditTrailInputsTests.class.getResourceAsStream("/realdata/" + name)) {
				Files.copy(input, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			return file;
		}

		private List<BoardReview> packs(ReviewOutcome outcome) {
			assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
			return bean(BoardReviewAssembler.class).assemble(bean(RunEnvelopes.class).inputs(outcome.runId()));
		}

		private List<String> quarantinedIds(ReviewOutcome outcome) {
			List<BoardReview> packs = packs(outcome);
			assertThat(packs).as("every board's pack shows the same quarantine")
				.extracting(BoardReview::quarantined)
				.containsOnly(packs.get(0).quarantined());
			return packs.get(0).quarantined().stream().map(BoardReview.QuarantinedRecord::recordId).toList();
		}

		private BoardReview.TrailInputs trail(ReviewOutcome outcome) {
			List<BoardReview> packs = packs(outcome);
			assertThat(packs).as("every board's pack shows the same")
				.extracting(BoardReview::trail)
				.containsOnly(packs.get(0).trail());
			return packs.get(0).trail();
		}

		private long actionFindings(ReviewOutcome outcome) {
			return bean(FindingStore.class).findings(outcome.runId())
				.stream()
				.filter((stored) -> stored.finding().actionId() != null)
				.count();
		}

	}

	@Nested
	class OnH2 extends H2IntegrationTest implements Scenarios {

	}

	@Nested
	class OnPostgres extends PostgresIntegrationTest implements Scenarios {

	}

}
