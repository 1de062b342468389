package org.envelopereview.review.scope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.envelopereview.action.Action;
import org.envelopereview.period.Period;
import org.envelopereview.review.fixtures.ActionBuilder;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.support.DatabaseContract;
import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.ActionBuilder.action;

/**
 * {@link ScopeMeasurer#measureAll} answers every question exactly as the per-envelope
 * measurements do: the assessment's findings, snapshots and recommendations must not
 * change with the way they are read.
 */
class MeasureAllTests {

	static final Period Q3 = Period.quarter("2026-Q3");

	static final Period Q2 = Period.quarter("2026-Q2");

	static final String PA = "PA-FAILOVER-007";

	static final String NS = "NS-EDGE-002";

	static final String QUIET = "PA-QUIET-003";

	interface Contract extends DatabaseContract {

		@Test
		default void shouldMeasureEveryEnvelopeAsOneByOne() {
			Jdbi jdbi = bean(Jdbi.class);
			ActionTable.clear(jdbi);
			ActionTable.insert(jdbi, history());
			ScopeMeasurer measurer = bean(ScopeMeasurer.class);
			Map<String, Instant> firstSeen = measurer.firstSeen();
			Instant yearBefore = Period.quarter("2025-Q3").start();
			Instant approved = Instant.parse("2026-02-11T00:00:00Z");
			Map<String, Instant> lookBackFrom = Map.of(PA, yearBefore, NS, approved, QUIET, Q3.start());

			PeriodMeasurements all = measurer.measureAll(Q3, lookBackFrom, Set.of(PA, NS, QUIET), Q2, firstSeen);

			lookBackFrom.forEach((envelope, from) -> {
				assertThat(all.current(envelope)).as(envelope).isEqualTo(measurer.measureWithUse(envelope, Q3));
				assertThat(all.previous(envelope)).as(envelope).isEqualTo(measurer.measure(envelope, Q2));
				assertThat(all.attempts(envelope)).as(envelope).isEqualTo(measurer.attempts(envelope, Q3));
				assertThat(all.history(envelope).attempts(Q2)).as(envelope).isEqualTo(measurer.attempts(envelope, Q2));
				assertThat(all.modelVersions(envelope)).as(envelope)
					.isEqualTo(measurer.modelVersions(envelope, Q3, firstSeen));
				assertThat(all.history(envelope).use(from, Q3.start())).as(envelope)
					.isEqualTo(measurer.use(envelope, from, Q3.start()));
			});
			// what the pass did not read is asked of the database
			assertThat(all.history(PA).use(approved, Q3.start())).isEqualTo(measurer.use(PA, approved, Q3.start()));
			assertThat(all.history(PA).attempts(Q2.previous())).isEqualTo(measurer.attempts(PA, Q2.previous()));
			// the pass found something to compare
			assertThat(all.current(PA).exercised().openRules().peak()).isPositive();
			assertThat(all.previous(PA).openRules().end()).isPositive();
			assertThat(all.history(PA).use(yearBefore, Q3.start()).actionCount()).isGreaterThan(3);
			assertThat(all.modelVersions(PA)).hasSize(3);
		}

		/**
		 * A year of actions under three envelopes: rules opened in one quarter and closed
		 * in the next, by a revert, by a removal under another envelope or by none,
		 * failed attempts, model versions that sort differently by case.
		 */
		private static List<Action> history() {
			List<Action> actions = new ArrayList<>();
			// 2025-Q4 to 2026-Q2 under PA: rules opened and left open
			actions.add(at("2025-11-03T10:00:00Z").cidr("10.1.0.0/24").ports("443").build());
			actions.add(at("2026-01-03T10:00:00Z").region("eu-central-1").cidr("10.2.0.0/24").build());
			actions.add(at("2026-02-03T10:00:00Z").agent("dr-agent").type("route.add").resource("rtb-1").build());
			actions.add(at("2026-05-03T10:00:00Z").cidr("2001:db8:1::/64").ports("8443-8444").build());
			actions.add(at("2026-05-04T10:00:00Z").resource("sg-0e1f2a3b").cidr("10.3.0.0/24").build());
			actions.add(at("2026-05-05T10:00:00Z").failed().model("Orchestrator-3.0").build());
			// a Q2 rule closed in Q3 by a removal under another envelope
			actions.add(at("2026-06-20T10:00:00Z").resource("sg-shared").cidr("10.9.0.0/24").build());
			actions.add(at("2026-07-20T10:00:00Z").envelope(NS)
				.type("security_group.ingress.remove")
				.resource("sg-shared")
				.cidr("10.9.0.0/24")
				.build());
			// Q3 under PA: opened and reverted, opened and left, failed, three model
			// versions
			actions.add(at("2026-07-03T10:00:00Z").cidr("10.0.2.0/24").build());
			actions.add(at("2026-07-03T11:00:00Z").type("security_group.ingress.remove")
				.reverts("m-2026-07-03T10:00:00Z")
				.build());
			actions.add(at("2026-07-04T10:00:00Z").model("orchestrator-2.4.0").cidr("10.0.4.0/24").build());
			actions.add(at("2026-08-04T10:00:00Z").model("Orchestrator-3.0").cidr("10.0.5.0/24").build());
			actions.add(at("2026-08-05T10:00:00Z").failed().type("nacl.ingress.add").build());
			actions.add(at("2026-09-30T23:59:59Z").region("us-east-1").build());
			// NS: a year of use, from before its approval
			actions.add(at("2025-12-01T10:00:00Z").envelope(NS).agent("edge-agent").build());
			actions.add(at("2026-03-01T10:00:00Z").envelope(NS).agent("edge-agent").ports("22").build());
			actions.add(at("2026-04-01T10:00:00Z").envelope(NS).agent("edge-agent").region("ap-south-1").build());
			actions.add(at("2026-08-01T10:00:00Z").envelope(NS).agent("edge-agent").failed().build());
			// QUIET: a failed attempt in Q2 only
			actions.add(at("2026-06-01T10:00:00Z").envelope(QUIET).failed().build());
			return actions;
		}

		/** An action of the default envelope at the instant, named after it. */
		private static ActionBuilder at(String instant) {
			return action().id("m-" + instant).at(instant);
		}

	}

	@Nested
	class OnH2 extends H2IntegrationTest implements Contract {

	}

	@Nested
	class OnPostgres extends PostgresIntegrationTest implements Contract {

	}

}
