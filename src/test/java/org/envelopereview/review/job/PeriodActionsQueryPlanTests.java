package org.envelopereview.review.job;

import java.time.OffsetDateTime;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import org.envelopereview.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluate step's read on H2: one range of the (occurred_at, id) index, streamed in
 * its order, with the agent record of each provider event found through the event index
 * (SPEC §7), not by a scan per action.
 */
@IntegrationTest
class PeriodActionsQueryPlanTests {

	@Autowired
	Jdbi jdbi;

	@Test
	void shouldStreamThePeriodInIndexOrderAndPairEventsThroughTheEventIndex() {
		String plan = this.jdbi.withHandle((handle) -> handle.createQuery("EXPLAIN " + PeriodActionsDao.PERIOD_ACTIONS)
			.bind(0, OffsetDateTime.parse("2026-07-01T00:00:00Z"))
			.bind(1, OffsetDateTime.parse("2026-10-01T00:00:00Z"))
			.mapTo(String.class)
			.one());

		assertThat(plan).contains("/* public.agent_action_period: occurred_at >= ?1")
			.contains("/* index sorted */")
			.contains(
					"/* public.agent_action_provider_event: provider = 'agent'\n        AND provider_event_id = COALESCE(CASE WHEN a.provider <> 'agent' THEN a.provider_event_id END, '-')")
			.contains("/* public.agent_action_provider_event: provider_event_id = a.provider_event_id */")
			.contains("/* public.quarantined_record_record_id: record_id = a.provider_event_id */");
	}

}
