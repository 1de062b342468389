package org.envelopereview.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionHash;
import org.envelopereview.action.chain.ChainBreak;
import org.envelopereview.action.chain.ChainCheckpoint;
import org.envelopereview.action.chain.ChainVerification;
import org.envelopereview.action.chain.IntegrityReport;
import org.envelopereview.finding.FindingStore;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.period.Period;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.review.run.ChainIntegrity;
import org.envelopereview.review.run.ChainVerificationRequest;
import org.envelopereview.support.DatabaseContract;
import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;
import org.envelopereview.support.TestOutput;
import org.envelopereview.system.ReviewPaths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.ActionBuilder.action;

/**
 * Issue 17: a run verifies each agent's chain from the checkpoint the run before
 * verified, so its cost follows its period, and tampering anywhere is still found: after
 * the checkpoint by the next run, before it by a full verification (on demand or
 * scheduled), and a rewritten history up to a checkpoint by the next run at once.
 */
public class ChainCheckpointTests {

	static final Period Q4 = Period.quarter("2026-Q4");

	static final List<String> AGENTS = List.of("failover-agent", "dr-agent");

	/** Actions per agent per quarter. */
	static final int PER_QUARTER = 4;

	interface Contract extends DatabaseContract {

		default Jdbi jdbi() {
			return bean(Jdbi.class);
		}

		default ReviewLauncher launcher() {
			return bean(ReviewLauncher.class);
		}

		@BeforeEach
		default void clear() {
			ActionTable.clear(jdbi());
			TestOutput.emptied(context());
		}

		/** {@value #PER_QUARTER} actions per agent in each quarter of 2026 up to Q3. */
		default void givenThreeQuarters() {
			ActionTable.insert(jdbi(), quarters(1, 3));
		}

		default void givenTheFourthQuarter() {
			ActionTable.insert(jdbi(), quarters(4, 4));
		}

		/** Actions {@code q<quarter>-<agent>-<n>}, in time order. */
		static List<Action> quarters(int first, int last) {
			List<Action> actions = new ArrayList<>();
			for (int quarter = first; quarter <= last; quarter++) {
				for (int n = 0; n < PER_QUARTER; n++) {
					for (String agent : AGENTS) {
						actions.add(action().id("q" + quarter + "-" + agent + "-" + n)
							.agent(agent)
							.at(String.format("2026-%02d-%02dT10:00:00Z", (quarter - 1) * 3 + 1, 2 + n))
							.type("security_group.ingress.remove")
							.build());
					}
				}
			}
			return actions;
		}

		default ReviewOutcome review(Period period, ChainVerificationRequest chains) {
			ReviewOutcome outcome = launcher().run(period, null, false, chains);
			assertThat(outcome.completed()).as(String.valueOf(outcome.failure())).isTrue();
			return outcome;
		}

		default IntegrityReport integrity(ReviewOutcome outcome) {
			return bean(ChainIntegrity.class).report(outcome.runId());
		}

		default JsonNode chainVerificationJson(Period period) throws IOException {
			return FindingsJson.chainVerification(Files.readString(bean(ReviewPaths.class).outputDir()
				.resolve(period.label())
				.resolve(Fixtures.PAYMENTS)
				.resolve("findings.json"), StandardCharsets.UTF_8));
		}

		default List<String> chainFindingKeys(ReviewOutcome outcome) {
			return bean(FindingStore.class).findings(outcome.runId())
				.stream()
				.map(StoredFinding::key)
				.filter((key) -> key.startsWith("LOG-CHAIN-BROKEN"))
				.toList();
		}

		default void execute(String sql) {
			jdbi().useHandle((handle) -> handle.execute(sql));
		}

		@Test
		default void shouldReadOnlyTheRowsFromTheCheckpointsOnInTheNextRun() throws IOException {
			givenThreeQuarters();
			ReviewOutcome q3 = review(Fixtures.Q3, ChainVerificationRequest.AUTO);
			givenTheFourthQuarter();

			ReviewOutcome q4 = review(Q4, ChainVerificationRequest.AUTO);

			ChainVerification first = integrity(q3).verification();
			assertThat(first.scope()).isEqualTo(ChainVerification.Scope.FULL);
			assertThat(first.fullBecause()).isEqualTo(ChainVerification.FullReason.NO_CHECKPOINT);
			assertThat(first.rowsChecked()).isEqualTo(3 * PER_QUARTER * AGENTS.size());
			assertThat(first.checkpointsWritten()).isEqualTo(AGENTS.size());
			ChainVerification next = integrity(q4).verification();
			assertThat(next.scope()).isEqualTo(ChainVerification.Scope.SINCE_CHECKPOINTS);
			assertThat(next.checkpointsOf().runId()).isEqualTo(q3.runId());
			assertThat(next.checkpointsOfSha256()).isEqualTo(first.checkpointsWrittenSha256());
			// Q4's rows and each agent's checkpoint row, nothing before
			assertThat(next.rowsChecked()).isEqualTo((PER_QUARTER + 1) * AGENTS.size());
			assertThat(next.agentsFromCheckpoint()).isEqualTo(AGENTS.size());
			assertThat(next.rowsBeforeCheckpoints()).isEqualTo((3 * PER_QUARTER - 1) * AGENTS.size());
			assertThat(next.lastFull().runId()).isEqualTo(q3.runId());
			assertThat(integrity(q4).breaks()).isEmpty();
			JsonNode json = chainVerificationJson(Q4);
			assertThat(json.path("scope").asString()).isEqualTo("since-checkpoints");
			assertThat(json.path("checkpointsOf").path("period").asString()).isEqualTo("2026-Q3");
			assertThat(json.path("checkpointsOf").path("run").asInt()).isEqualTo(1);
			assertThat(json.path("checkpointsOf").path("sha256").asString())
				.isEqualTo(first.checkpointsWrittenSha256());
			assertThat(json.path("rowsChecked").asLong()).isEqualTo(next.rowsChecked());
			assertThat(json.path("rowsBeforeCheckpointsNotReread").asLong()).isEqualTo(next.rowsBeforeCheckpoints());
			assertThat(json.path("lastFullVerification").path("period").asString()).isEqualTo("2026-Q3");
			assertThat(json.path("checkpointsWritten").path("sha256").asString())
				.isEqualTo(ChainCheckpoint.digest(List.of(tip("failover-agent"), tip("dr-agent"))));
		}

		/** The agent's last row as a checkpoint. */
		default ChainCheckpoint tip(String agent) {
			return jdbi().withHandle((handle) -> handle
				.createQuery("SELECT agent, seq, hash FROM agent_action WHERE agent = :agent ORDER BY seq DESC LIMIT 1")
				.bind("agent", agent)
				.map((rs, ctx) -> new ChainCheckpoint(rs.getString("agent"), rs.getLong("seq"),
						rs.getString("hash").trim()))
				.one());
		}

		@Test
		default void shouldFindARowEditedAfterTheCheckpointInTheNextRun() {
			givenThreeQuarters();
			review(Fixtures.Q3, ChainVerificationRequest.AUTO);
			givenTheFourthQuarter();
			execute("UPDATE agent_action SET cidr = '0.0.0.0/0' WHERE id = 'q4-dr-agent-2'");

			ReviewOutcome q4 = review(Q4, ChainVerificationRequest.AUTO);

			assertThat(integrity(q4).verification().scope()).isEqualTo(ChainVerification.Scope.SINCE_CHECKPOINTS);
			assertThat(integrity(q4).breaks()).singleElement().satisfies((found) -> {
				assertThat(found.kind()).isEqualTo(ChainBreak.Kind.HASH_MISMATCH);
				assertThat(found.actionId()).isEqualTo("q4-dr-agent-2");
			});
			assertThat(chainFindingKeys(q4)).singleElement().asString().endsWith("dr-agent#15#HASH_MISMATCH");
			// the broken chain gets no checkpoint: the next run reads it from seq 1
			assertThat(integrity(q4).verification().checkpointsWritten()).isEqualTo(1);
		}

		/**
		 * A row of Q2, before the checkpoint: the next run does not read it and does not
		 * claim it verified; a full verification finds it, on demand and when due.
		 */
		@Test
		default void shouldLeaveARowEditedBeforeTheCheckpointToAFullVerificationAndSaySo() {
			givenThreeQuarters();
			review(Fixtures.Q3, ChainVerificationRequest.AUTO);
			givenTheFourthQuarter();
			execute("UPDATE agent_action SET cidr = '0.0.0.0/0' WHERE id = 'q2-failover-agent-1'");

			ReviewOutcome incremental = review(Q4, ChainVerificationRequest.AUTO);
			ReviewOutcome full = review(Q4, ChainVerificationRequest.FULL);

			assertThat(integrity(incremental).breaks()).isEmpty();
			ChainVerification notRead = integrity(incremental).verification();
			assertThat(notRead.scope()).isEqualTo(ChainVerification.Scope.SINCE_CHECKPOINTS);
			assertThat(notRead.rowsBeforeCheckpoints()).isEqualTo((3 * PER_QUARTER - 1) * AGENTS.size());
			assertThat(integrity(full).verification().fullBecause()).isEqualTo(ChainVerification.FullReason.REQUESTED);
			assertThat(integrity(full).breaks()).extracting(ChainBreak::actionId, ChainBreak::kind)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple("q2-failover-agent-1", ChainBreak.Kind.HASH_MISMATCH));
		}

		@Test
		default void shouldVerifyEveryChainInFullEveryFourthRunAfterTheLastFullOne() {
			givenThreeQuarters();
			review(Fixtures.Q3, ChainVerificationRequest.AUTO);
			givenTheFourthQuarter();
			execute("UPDATE agent_action SET cidr = '0.0.0.0/0' WHERE id = 'q2-failover-agent-1'");

			List<ReviewOutcome> runs = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				runs.add(review(Q4, ChainVerificationRequest.AUTO));
			}

			assertThat(runs).extracting((run) -> integrity(run).verification().scope())
				.containsExactly(ChainVerification.Scope.SINCE_CHECKPOINTS, ChainVerification.Scope.SINCE_CHECKPOINTS,
						ChainVerification.Scope.SINCE_CHECKPOINTS, ChainVerification.Scope.FULL);
			assertThat(runs).extracting((run) -> integrity(run).breaks().size()).containsExactly(0, 0, 0, 1);
			ChainVerification scheduled = integrity(runs.get(3)).verification();
			assertThat(scheduled.fullBecause()).isEqualTo(ChainVerification.FullReason.SCHEDULED);
			assertThat(scheduled.fullEvery()).isEqualTo(4);
			assertThat(scheduled.lastFull().runId()).isEqualTo(runs.get(3).runId());
			assertThat(scheduled.lastFullBreaks()).isEqualTo(1);
		}

		@Test
		default void shouldFindAnEditedCheckpointRow() {
			givenThreeQuarters();
			review(Fixtures.Q3, ChainVerificationRequest.AUTO);
			givenTheFourthQuarter();
			// the checkpoint row of failover-agent (its last row of Q3), edited in place
			execute("UPDATE agent_action SET cidr = '0.0.0.0/0' WHERE id = 'q3-failover-agent-3'");

			ReviewOutcome q4 = review(Q4, ChainVerificationRequest.AUTO);

			assertThat(integrity(q4).breaks()).extracting(ChainBreak::actionId, ChainBreak::kind)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple("q3-failover-agent-3", ChainBreak.Kind.HASH_MISMATCH));
		}

		/**
		 * The checkpoint row rewritten with a hash that matches its new content: only the
		 * checkpoint shows it, and the agent is walked again from seq 1. Placed in no
		 * period, it is a finding of the run's own period.
		 */
		@Test
		default void shouldFindACheckpointRowRewrittenWithAMatchingHash() {
			givenThreeQuarters();
			review(Fixtures.Q3, ChainVerificationRequest.AUTO);
			Action rewritten = ActionHash.chain(action().id("q3-dr-agent-3")
				.agent("dr-agent")
				.at("2026-07-05T10:00:00Z")
				.type("security_group.ingress.remove")
				.cidr("0.0.0.0/0")
				.build(), 12, tipBefore("dr-agent", 12));
			execute("UPDATE agent_action SET cidr = '0.0.0.0/0', hash = '" + rewritten.hash()
					+ "' WHERE id = 'q3-dr-agent-3'");

			ReviewOutcome q4 = review(Q4, ChainVerificationRequest.AUTO);

			assertThat(integrity(q4).breaks()).extracting(ChainBreak::agent, ChainBreak::seq, ChainBreak::kind)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple("dr-agent", 12L, ChainBreak.Kind.CHECKPOINT_MISMATCH));
			assertThat(chainFindingKeys(q4)).singleElement().asString().endsWith("dr-agent#12#CHECKPOINT_MISMATCH");
			assertThat(integrity(q4).verification().rowsChecked())
				.as("dr-agent walked again from seq 1, failover-agent from its checkpoint")
				.isEqualTo(1 + 3 * PER_QUARTER + 1);
		}

		/** The hash of the agent's row before seq {@code seq}. */
		default String tipBefore(String agent, long seq) {
			return jdbi().withHandle(
					(handle) -> handle.createQuery("SELECT hash FROM agent_action WHERE agent = :agent AND seq = :seq")
						.bind("agent", agent)
						.bind("seq", seq - 1)
						.mapTo(String.class)
						.one()
						.trim());
		}

		/**
		 * A checkpoint moved forward in the table, to skip rows: the set no longer has
		 * the digest its run recorded, so the next run verifies every chain in full.
		 */
		@Test
		default void shouldVerifyInFullWhenTheCheckpointTableWasChanged() {
			givenThreeQuarters();
			review(Fixtures.Q3, ChainVerificationRequest.AUTO);
			givenTheFourthQuarter();
			ChainCheckpoint later = new ChainCheckpoint("dr-agent", 14, tipBefore("dr-agent", 15));
			execute("UPDATE chain_checkpoint SET seq = 14, hash = '" + later.hash() + "' WHERE agent = 'dr-agent'");

			ReviewOutcome q4 = review(Q4, ChainVerificationRequest.AUTO);

			ChainVerification verification = integrity(q4).verification();
			assertThat(verification.scope()).isEqualTo(ChainVerification.Scope.FULL);
			assertThat(verification.fullBecause()).isEqualTo(ChainVerification.FullReason.CHECKPOINTS_ALTERED);
			assertThat(verification.checkpointsAltered()).isTrue();
			assertThat(verification.rowsChecked()).isEqualTo(4 * PER_QUARTER * AGENTS.size());
		}

	}

	@Nested
	class OnH2 extends H2IntegrationTest implements Contract {

	}

	@Nested
	class OnPostgres extends PostgresIntegrationTest implements Contract {

	}

}
