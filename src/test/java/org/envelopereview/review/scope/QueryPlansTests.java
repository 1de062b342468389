package org.envelopereview.review.scope;

import java.time.Instant;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.junit.jupiter.api.Test;

import org.envelopereview.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries the review runs once per envelope must reach their rows through an index on H2:
 * a scan of the whole history per envelope took the 1M-action assess step from 45 s to
 * over ten minutes.
 */
@IntegrationTest
class QueryPlansTests {

	@Autowired
	Jdbi jdbi;

	@Test
	void shouldFindTheActionsUnderAnEnvelopeThroughTheAttributedEnvelopeIndex() {
		String plan = this.jdbi.withHandle((handle) -> handle
			.createQuery("EXPLAIN " + ClasspathSqlLocator.removingComments().locate(ScopeDao.class, "exercisedActions"))
			.bind("envelope", "PA-FAILOVER-007")
			.bind("start", Instant.parse("2026-07-01T00:00:00Z"))
			.bind("end", Instant.parse("2026-10-01T00:00:00Z"))
			.mapTo(String.class)
			.one());

		// by the envelope the review judges the action under, claimed or attributed
		assertThat(plan.toLowerCase()).contains("/* public.agent_action_attributed: ")
			.containsPattern("(?s)agent_action_attributed: [^/]*attributed_envelope_id = \\?1");
	}

	@Test
	void shouldReadTheWindowOfEveryEnvelopeThroughThePeriodIndex() {
		String plan = this.jdbi.withHandle((handle) -> handle
			.createQuery("EXPLAIN " + ClasspathSqlLocator.removingComments().locate(ScopeDao.class, "windowActions"))
			.bind("start", Instant.parse("2025-07-01T00:00:00Z"))
			.bind("end", Instant.parse("2026-10-01T00:00:00Z"))
			.mapTo(String.class)
			.one());

		// a range of the index, not the whole history
		assertThat(plan.toLowerCase()).contains("/* public.agent_action_period: occurred_at < ");
	}

	@Test
	void shouldFindTheRevertOfEachRuleOpenedThroughTheRevertsIndex() {
		String plan = this.jdbi.withHandle((handle) -> handle
			.createQuery("EXPLAIN " + ClasspathSqlLocator.removingComments().locate(ScopeDao.class, "everyRuleOpened"))
			.bindList("openingTypes", OpenRuleTimeline.openingTypes())
			.bind("end", Instant.parse("2026-10-01T00:00:00Z"))
			.mapTo(String.class)
			.one());

		assertThat(plan.toLowerCase()).contains("/* public.agent_action_reverts: reverts = opened.id */");
	}

}
