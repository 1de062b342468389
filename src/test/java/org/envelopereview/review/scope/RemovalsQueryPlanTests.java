package org.envelopereview.review.scope;

import java.time.Instant;
import java.util.List;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The removals on an envelope's resources are found by seeking each resource and closing
 * type in the index, never by reading every action on those resources: on (resource,
 * occurred_at) the 10M-action assess step spent most of its 142 s fetching rows of other
 * types.
 */
class RemovalsQueryPlanTests {

	private static String plan(Jdbi jdbi, String explain) {
		List<String> lines = jdbi.withHandle((handle) -> explain(handle, explain));
		return String.join("\n", lines);
	}

	private static List<String> explain(Handle handle, String explain) {
		return handle
			.createQuery(explain + " " + ClasspathSqlLocator.removingComments().locate(ScopeDao.class, "rulesRemoved"))
			.bindList("closingTypes", OpenRuleTimeline.closingTypes())
			.bindList("resources", List.of("sg-7", "sg-8"))
			.bind("end", Instant.parse("2026-10-01T00:00:00Z"))
			.mapTo(String.class)
			.list();
	}

	@Nested
	class OnH2 extends H2IntegrationTest {

		@Autowired
		Jdbi jdbi;

		@Test
		void shouldSeekTheResourcesInTheResourceAndTypeIndex() {
			assertThat(plan(this.jdbi, "EXPLAIN").toLowerCase())
				.contains("/* public.agent_action_resource_type: resource in(");
		}

	}

	@Nested
	class OnPostgres extends PostgresIntegrationTest {

		@Autowired
		Jdbi jdbi;

		@Test
		void shouldSeekEachResourceAndClosingTypeInTheResourceAndTypeIndex() {
			// PostgreSQL plans by statistics: 20,000 actions on 500 resources, one in ten
			// a
			// removal, analysed and rolled back with the transaction
			String plan = this.jdbi.inTransaction((handle) -> {
				handle.execute("INSERT INTO agent_action (id, occurred_at, agent, action_type, resource, outcome, seq, "
						+ "prev_hash, hash, chained_by) SELECT 'plan-' || g, TIMESTAMPTZ '2026-01-01' + g * INTERVAL "
						+ "'10 minutes', 'plan-agent', CASE WHEN g % 10 = 0 THEN 'security_group.ingress.remove' "
						+ "ELSE 'security_group.ingress.add' END, 'sg-' || (g % 500), 'succeeded', g, repeat('0', 64), "
						+ "repeat('0', 64), 'ingest' FROM generate_series(1, 20000) g");
				handle.execute("ANALYZE agent_action");
				String explained = String.join("\n", explain(handle, "EXPLAIN (COSTS OFF)"));
				handle.rollback();
				return explained;
			});

			assertThat(plan).contains("agent_action_resource_type")
				.containsPattern(
						"Index Cond: \\(\\(\\(resource\\)::text = ANY .*\\) AND \\(\\(action_type\\)::text = ANY ");
		}

	}

}
