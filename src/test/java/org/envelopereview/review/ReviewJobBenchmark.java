package org.envelopereview.review;

import java.time.Duration;
import java.time.Instant;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.support.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test (surefire skips it): times the review of a quarter of generated actions on
 * PostgreSQL. Run with
 * {@code mvn test -Dtest=ReviewJobBenchmark -Dreview.benchmark.actions=200000}.
 */
class ReviewJobBenchmark extends PostgresIntegrationTest {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ReviewJobTests.reviewProperties(registry, ReviewJobTests.newOutputDir());
		registry.add("review.job.chunk-size", () -> "500");
	}

	@Autowired
	Jdbi jdbi;

	@Autowired
	ReviewLauncher launcher;

	@Test
	void reviewAQuarterOfGeneratedActions() {
		int actions = Integer.getInteger("review.benchmark.actions", 100_000);
		ActionTable.clear(this.jdbi);
		// pairs: an opening in scope, reverted 30 seconds later (clean), every 60th one
		// opened to the world
		this.jdbi.useHandle((handle) -> handle.createUpdate("""
				INSERT INTO agent_action (id, occurred_at, agent, model_version, envelope_id, action_type, resource,
				    region, protocol, ports, cidr, rationale_signal, confidence, reverts, outcome, seq, prev_hash,
				    hash, chained_by)
				SELECT 'b-' || lpad(g::text, 8, '0'), timestamptz '2026-07-01' + (g * interval '30 seconds'),
				    'failover-agent', 'orchestrator-2.3.1', 'PA-FAILOVER-007',
				    CASE WHEN g % 2 = 1 THEN 'security_group.ingress.add' ELSE 'security_group.ingress.remove' END,
				    'sg-0a1b' || ((g / 2) % 50), 'eu-west-1', 'tcp', '443',
				    CASE WHEN g % 120 = 1 THEN '0.0.0.0/0' ELSE '10.0.' || ((g / 2) % 200) || '.0/24' END,
				    'benchmark', 0.9,
				    CASE WHEN g % 2 = 0 THEN 'b-' || lpad((g - 1)::text, 8, '0') END,
				    'succeeded', g, repeat('0', 64), repeat('0', 64), 'ingest'
				FROM generate_series(1, :actions) g""").bind("actions", actions).execute());
		this.jdbi.useHandle((handle) -> handle.execute("ANALYZE agent_action"));
		Instant started = Instant.now();
		ReviewOutcome outcome = this.launcher.run(Fixtures.Q3, null, false);
		Duration took = Duration.between(started, Instant.now());
		System.out.printf("%nBENCHMARK %d actions: %s in %d ms (%.0f actions/s), findings %s%n", actions,
				outcome.status(), took.toMillis(), actions / (took.toMillis() / 1000.0), outcome.findingsByBoard());
		this.jdbi.useHandle((handle) -> handle.createQuery("""
				SELECT step_name, read_count, write_count, EXTRACT(EPOCH FROM (end_time - start_time)) AS seconds
				FROM batch_step_execution ORDER BY step_execution_id""")
			.mapToMap()
			.forEach((step) -> System.out.println("BENCHMARK step " + step)));
	}

}
