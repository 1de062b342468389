package org.envelopereview.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import org.envelopereview.action.Action;
import org.envelopereview.review.fixtures.ActionBuilder;
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
		// pairs: an opening in scope, reverted 30 seconds later (clean); every 60th
		// opened to the world
		Instant start = Instant.parse("2026-07-01T00:00:00Z");
		List<Action> history = new ArrayList<>();
		for (int g = 1; g <= actions; g++) {
			String id = String.format("b-%08d", g);
			ActionBuilder action = ActionBuilder.action()
				.id(id)
				.at(start.plusSeconds(30L * g).toString())
				.resource("sg-0a1b" + ((g / 2) % 50))
				.cidr((g % 120 == 1) ? "0.0.0.0/0" : "10.0." + ((g / 2) % 200) + ".0/24");
			if (g % 2 == 0) {
				action.type("security_group.ingress.remove").reverts(String.format("b-%08d", g - 1));
			}
			history.add(action.build());
		}
		ActionTable.insert(this.jdbi, history);
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
