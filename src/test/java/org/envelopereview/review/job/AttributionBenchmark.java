package org.envelopereview.review.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import org.envelopereview.action.Action;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.review.fixtures.EnvelopeBuilder.ClassBuilder;
import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.review.run.RunInputs;
import org.envelopereview.support.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.envelopereview.review.fixtures.ActionBuilder.action;
import static org.envelopereview.review.fixtures.EnvelopeBuilder.envelope;

/**
 * Not a test (surefire skips it): times the attribution step on PostgreSQL over a history
 * of provider actions that claim no envelope, made as 20 roles. Run with
 * {@code mvn test -Dtest=AttributionBenchmark -Dreview.benchmark.actions=1000000}.
 */
class AttributionBenchmark extends PostgresIntegrationTest {

	private static final int ROLES = 20;

	@Autowired
	Jdbi jdbi;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void attributeAHistoryOfProviderActions() {
		int actions = Integer.getInteger("review.benchmark.actions", 100_000);
		ActionTable.clear(this.jdbi);
		Instant start = Instant.parse("2026-07-01T00:00:00Z");
		List<Action> history = new ArrayList<>();
		for (int g = 1; g <= actions; g++) {
			String id = String.format("p-%08d", g);
			history.add(action().id(id)
				.agent("i-" + (g % 100))
				.at(start.plusSeconds(7L * g).toString())
				.recordedBy("aws", "arn:aws:iam::123456789012:role/agent-" + (g % ROLES), "123456789012", id)
				.ports((g % 2 == 0) ? "443" : "22")
				.build());
		}
		ActionTable.insert(this.jdbi, history);
		this.jdbi.useHandle((handle) -> handle.execute("ANALYZE agent_action"));

		List<Envelope> perRole = new ArrayList<>();
		for (int r = 0; r < ROLES; r++) {
			perRole.add(envelope().id(String.format("E-%02d", r)).principals("agent-" + r).build());
		}
		List<Envelope> twoForAll = List.of(
				envelope().id("TLS-001").principals("arn:aws:iam::*:role/agent-*").with(ingress("443")).build(),
				envelope().id("SSH-002").principals("arn:aws:iam::*:role/agent-*").with(ingress("22")).build());

		time(actions, "no envelope names a principal, nothing attributed", List.of());
		time(actions, "one envelope per role, first run", perRole);
		time(actions, "one envelope per role, next run (nothing changes)", perRole);
		// what autovacuum does soon after a change of this size
		this.jdbi.useHandle((handle) -> handle.execute("VACUUM ANALYZE agent_action"));
		time(actions, "one envelope per role, next run after VACUUM", perRole);
		time(actions, "two envelopes name every role: best fit per action", twoForAll);
		time(actions, "two envelopes name every role, next run", twoForAll);
		time(actions, "principals removed: every attribution taken back", List.of());
		time(actions, "no envelope names a principal, nothing attributed", List.of());
	}

	private static ClassBuilder ingress(String port) {
		return new ClassBuilder("security_group.ingress.add").ports(port);
	}

	private void time(int actions, String what, List<Envelope> envelopes) {
		EnvelopeCatalog catalog = new EnvelopeCatalog(Fixtures.directory(), envelopes, List.of(), List.of());
		AttributeActionsTasklet tasklet = new AttributeActionsTasklet(this.jdbi,
				new RunInputs(1, 1, Fixtures.Q3, null, catalog, Path.of("envelopes")));
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		long started = System.nanoTime();
		long rows = transaction.execute((status) -> ((LongSupplier) tasklet::attribute).getAsLong());
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("BENCHMARK attribution %d actions, %s: %d rows changed in %d ms%n", actions, what, rows,
				millis);
	}

}
