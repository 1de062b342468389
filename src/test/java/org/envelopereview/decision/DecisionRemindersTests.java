package org.envelopereview.decision;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.envelopereview.support.DatabaseContract;
import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code status} and the scheduler's log remind the boards of: requested decisions
 * not recorded, and recorded decisions due soon or past due.
 */
class DecisionRemindersTests {

	interface Contract extends DatabaseContract {

		default DecisionWorld world() {
			return new DecisionWorld(this);
		}

		@BeforeEach
		default void reviewedQ2() {
			world().reset().reviewQ2();
		}

		@Test
		default void shouldRemindEachBoardOfTheDecisionsItHasNotRecorded() {
			assertThat(bean(DecisionReminders.class).at(Instant.parse("2026-07-05T00:00:00Z"))).containsExactly(
					"payments-cab: 3 decision(s) requested by the 2026-Q2 pack are not recorded (due by 2026-09-30): "
							+ "envelope-review decisions template --period 2026-Q2 --board payments-cab",
					"network-security: 1 decision(s) requested by the 2026-Q2 pack are not recorded (due by "
							+ "2026-09-30): envelope-review decisions template --period 2026-Q2 --board "
							+ "network-security");
			// once the next review has reported them (DEC-UNDECIDED), no more reminders
			assertThat(bean(DecisionReminders.class).at(Instant.parse("2026-10-01T00:00:00Z"))).isEmpty();
		}

		@Test
		default void shouldRemindOfDecisionsDueSoonOrPastDueUntilAReviewFindsThemApplied() {
			// given
			assertThat(world().record(world().writeDecisions("answers.yaml", world().q2Decisions(1))).status())
				.isEqualTo(DecisionRecorder.Status.RECORDED);
			// then: the retire is due on 1 August (within 14 days), the others on 9
			// August
			assertThat(bean(DecisionReminders.class).at(Instant.parse("2026-07-20T00:00:00Z")))
				.filteredOn((reminder) -> reminder.startsWith("payments-cab"))
				.containsExactly("payments-cab: retire PA-RETIRE-002 (decided 2026-07-10 on the 2026-Q2 pack) is due "
						+ "2026-08-01; no review has checked it yet");
			assertThat(bean(DecisionReminders.class).at(Instant.parse("2026-08-05T00:00:00Z")))
				.filteredOn((reminder) -> reminder.startsWith("payments-cab"))
				.hasSize(3)
				.first()
				.asString()
				.endsWith("is due 2026-08-01 - PAST DUE; no review has checked it yet");
			// when: applied and found so by the next review
			world().removeEnvelope("pa-retire-002.yaml");
			world().review(DecisionWorld.Q3);
			// then
			assertThat(bean(DecisionReminders.class).at(Instant.parse("2026-10-02T00:00:00Z")))
				.filteredOn((reminder) -> reminder.contains("PA-RETIRE-002"))
				.isEmpty();
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
