package org.envelopereview.decision;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.FindingStore;
import org.envelopereview.finding.Severity;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.review.ReviewOutcome;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.review.output.BoardReviewAssembler;
import org.envelopereview.review.run.RunEnvelopes;
import org.envelopereview.support.DatabaseContract;
import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.decision.DecisionWorld.NETWORK;
import static org.envelopereview.decision.DecisionWorld.PAYMENTS;
import static org.envelopereview.decision.DecisionWorld.Q3;
import static org.envelopereview.decision.DecisionWorld.entry;

/**
 * The next review checks the decisions the board recorded on the previous pack (SPEC §8):
 * DEC-NOT-APPLIED for each decision not carried out by its due date, with the near-misses
 * that must not fire, and DEC-UNDECIDED for each request nobody answered; the same on
 * both databases.
 */
class DecisionChecksTests {

	interface Contract extends DatabaseContract {

		default DecisionWorld world() {
			return new DecisionWorld(this);
		}

		/**
		 * Q2 reviewed; payments-cab decided on 10 July to re-approve PA-STALE-001, retire
		 * PA-RETIRE-002 by 1 August and revise PA-REVISE-003; network-security recorded
		 * nothing.
		 */
		@BeforeEach
		default void decidedInQ2() {
			DecisionWorld world = world().reset();
			ReviewOutcome q2 = world.reviewQ2();
			assertThat(world.record(world.writeDecisions("answers.yaml", world.q2Decisions(q2.runNumber()))).status())
				.isEqualTo(DecisionRecorder.Status.RECORDED);
		}

		default List<Finding> decisionFindings(ReviewOutcome outcome) {
			return bean(FindingStore.class).findings(outcome.runId())
				.stream()
				.map(StoredFinding::finding)
				.filter((finding) -> finding.code().code().startsWith("DEC-"))
				.toList();
		}

		default BoardReview handedToPack(ReviewOutcome outcome, String board) {
			return bean(BoardReviewAssembler.class).assemble(bean(RunEnvelopes.class).inputs(outcome.runId()))
				.stream()
				.filter((review) -> review.board().id().equals(board))
				.findFirst()
				.orElseThrow();
		}

		@Test
		default void shouldFindEveryDecisionAppliedWhenTheFilesAndTheHistoryShowIt() {
			// given: re-approved on the day, revised ten days later, retired with its
			// last action exactly at the due date
			world().editEnvelope("pa-stale-001.yaml", "lastReviewedAt: 2025-10-01", "lastReviewedAt: 2026-07-10",
					"2026-07-10T09:00:00Z");
			world().editEnvelope("pa-revise-003.yaml", "protocols: [tcp, udp]", "protocols: [tcp]",
					"2026-07-20T09:00:00Z");
			world().removeEnvelope("pa-retire-002.yaml");
			ActionTable.insert(world().jdbi(),
					List.of(DecisionWorld.laterAction("d-at-due", "PA-RETIRE-002", "2026-08-01T00:00:00Z")));
			// when
			ReviewOutcome q3 = world().review(Q3);
			// then
			assertThat(decisionFindings(q3)).filteredOn((finding) -> finding.boardId().equals(PAYMENTS)).isEmpty();
			assertThat(handedToPack(q3, PAYMENTS).decisions())
				.extracting((check) -> check.recorded().decision().envelopeId() + " " + check.status())
				.containsExactly("PA-RETIRE-002 APPLIED", "PA-REVISE-003 APPLIED", "PA-STALE-001 APPLIED");
			assertThat(handedToPack(q3, PAYMENTS).decisions()).extracting(CheckedDecision::detail)
				.containsExactly(
						"no envelope file declares it any more, and no action ran under it after 2026-08-01 (00:00 UTC)",
						"pa-revise-003.yaml changed on 2026-07-20, after the decision on 2026-07-10",
						"review.lastReviewedAt 2026-07-10 (by jmin@example.com) is on or after the re-approval on "
								+ "2026-07-10");
		}

		@Test
		default void shouldReportEveryDecisionNotAppliedByItsDueDate() {
			// given: the near-misses, each one day or one second off
			world().editEnvelope("pa-stale-001.yaml", "lastReviewedAt: 2025-10-01", "lastReviewedAt: 2026-07-09",
					"2026-07-20T09:00:00Z");
			world().editEnvelope("pa-revise-003.yaml", "protocols: [tcp, udp]", "protocols: [tcp]",
					"2026-07-09T12:00:00Z");
			world().removeEnvelope("pa-retire-002.yaml");
			ActionTable.insert(world().jdbi(),
					List.of(DecisionWorld.laterAction("d-after-due", "PA-RETIRE-002", "2026-08-01T00:00:01Z")));
			// when
			ReviewOutcome q3 = world().review(Q3);
			// then
			List<Finding> notApplied = decisionFindings(q3).stream()
				.filter((finding) -> finding.code() == FindingCode.DEC_NOT_APPLIED)
				.toList();
			assertThat(notApplied).extracting((finding) -> finding.envelopeId() + " " + finding.severity())
				.containsExactlyInAnyOrder("PA-RETIRE-002 " + Severity.CRITICAL, "PA-REVISE-003 " + Severity.HIGH,
						"PA-STALE-001 " + Severity.HIGH);
			assertThat(notApplied).extracting(Finding::explanation)
				.containsExactlyInAnyOrder(
						"payments-cab decided on 2026-07-10 to retire PA-RETIRE-002 by 2026-08-01; not applied: "
								+ "action d-after-due at 2026-08-01T00:00:01Z ran under it after the due date 2026-08-01 (00:00 UTC)",
						"payments-cab decided on 2026-07-10 to revise PA-REVISE-003 by 2026-08-09; not applied: "
								+ "pa-revise-003.yaml changed, but last on 2026-07-09, not after the decision on "
								+ "2026-07-10",
						"payments-cab decided on 2026-07-10 to re-approve PA-STALE-001 by 2026-08-09; not applied: "
								+ "review.lastReviewedAt is 2026-07-09 in pa-stale-001.yaml, before the re-approval "
								+ "on 2026-07-10");
			assertThat(notApplied).allSatisfy((finding) -> assertThat(finding.boardId()).isEqualTo(PAYMENTS));
			assertThat(notApplied).filteredOn((finding) -> finding.envelopeId().equals("PA-RETIRE-002"))
				.singleElement()
				.satisfies(
						(finding) -> assertThat(finding.evidence()).containsEntry("actionAfterDueDate", "d-after-due"));
		}

		@Test
		default void shouldWaitForTheDueDateBeforeReportingADecisionNotApplied() {
			// given: nothing changed, but the revise is due only after the period
			world().jdbi().useHandle((handle) -> {
				handle.execute("DELETE FROM board_decision");
				handle.execute("DELETE FROM decision_record");
			});
			String dueAfterQ3 = world().q2Decisions(1)
				.replace("    decision: revise\n    decidedBy: jmin@example.com\n    decidedAt: 2026-07-10\n",
						"    decision: revise\n    decidedBy: jmin@example.com\n    decidedAt: 2026-07-10\n"
								+ "    dueDate: 2026-10-15\n");
			assertThat(world().record(world().writeDecisions("late.yaml", dueAfterQ3)).problems()).isEmpty();
			// when
			ReviewOutcome q3 = world().review(Q3);
			// then
			assertThat(decisionFindings(q3)).filteredOn((finding) -> finding.code() == FindingCode.DEC_NOT_APPLIED)
				.extracting(Finding::envelopeId)
				.containsExactlyInAnyOrder("PA-RETIRE-002", "PA-STALE-001");
			assertThat(handedToPack(q3, PAYMENTS).decisions())
				.filteredOn((check) -> check.recorded().decision().envelopeId().equals("PA-REVISE-003"))
				.singleElement()
				.satisfies((check) -> assertThat(check.status()).isEqualTo(DecisionStatus.PENDING));
		}

		@Test
		default void shouldReportEachRequestNobodyAnsweredAndNotOneThatWasDeferred() {
			// given: network-security answered nothing about NS-STALE-010
			// when
			ReviewOutcome undecided = world().review(Q3);
			// then
			assertThat(decisionFindings(undecided)).filteredOn((finding) -> finding.code() == FindingCode.DEC_UNDECIDED)
				.singleElement()
				.satisfies((finding) -> {
					assertThat(finding.boardId()).isEqualTo(NETWORK);
					assertThat(finding.envelopeId()).isEqualTo("NS-STALE-010");
					assertThat(finding.severity()).isEqualTo(Severity.HIGH);
					assertThat(finding.explanation()).startsWith("the 2026-Q2 pack (run ")
						.endsWith("asked network-security to re-approve, revise or retire NS-STALE-010 "
								+ "(ENV-REVIEW-OVERDUE, ENV-DORMANT); no decision was recorded by the end of 2026-Q3");
				});
			// given: a deferral with a reason is an answer
			DecisionRecorder.Outcome recorded = world().record(world().writeDecisions("network.yaml",
					world().decisionsFile(NETWORK, 1, entry("NS-STALE-010", "defer", "2026-07-11", null, "")
						.replace("jmin@example.com", "dpark@example.com"))));
			assertThat(recorded.problems()).isEmpty();
			// when
			ReviewOutcome deferred = world().review(Q3);
			// then
			assertThat(decisionFindings(deferred)).filteredOn((finding) -> finding.code() == FindingCode.DEC_UNDECIDED)
				.isEmpty();
			assertThat(handedToPack(deferred, NETWORK).decisions()).singleElement()
				.satisfies((check) -> assertThat(check.status()).isEqualTo(DecisionStatus.DEFERRED));
		}

	}

	@Nested
	@TestPropertySource(properties = "review.envelopes-dir=target/test-decisions-envelopes")
	class OnH2 extends H2IntegrationTest implements Contract {

	}

	@Nested
	@TestPropertySource(properties = "review.envelopes-dir=target/test-decisions-envelopes")
	class OnPostgres extends PostgresIntegrationTest implements Contract {

	}

}
