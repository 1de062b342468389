package org.envelopereview.review;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.action.Action;
import org.envelopereview.finding.FindingStore;
import org.envelopereview.pack.PackVerifier;
import org.envelopereview.period.Period;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.support.DatabaseContract;
import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;
import org.envelopereview.support.SlowTest;
import org.envelopereview.support.TestOutput;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.ActionBuilder.action;

/**
 * A board with more than fifty thousand findings (SPEC §9): the review's pack stays
 * within the page budget, and its findings.json still holds every finding. Each of the
 * actions opens port 22 (or a port of a long tail) under PA-FAILOVER-007 and is never
 * reverted: OOS-PORT and OOS-NOT-REVERTED each.
 */
@SlowTest
class LargeBoardPackTests {

	static final int ACTIONS = 25_000;

	static final Period Q3 = Period.quarter("2026-Q3");

	static final JsonMapper JSON = JsonMapper.builder().build();

	interface Scenarios extends DatabaseContract {

		@Test
		default void shouldRenderAPackWithinThePageBudgetWhileFindingsJsonHoldsEveryFinding() throws Exception {
			Jdbi jdbi = bean(Jdbi.class);
			ActionTable.clear(jdbi);
			TestOutput.emptied(context());
			ActionTable.insert(jdbi, actions());

			ReviewOutcome outcome = bean(ReviewLauncher.class).run(Q3, "payments-cab", false);

			assertThat(outcome.completed()).as(outcome.failure()).isTrue();
			long stored = bean(FindingStore.class).findings(outcome.runId()).size();
			assertThat(stored).isGreaterThanOrEqualTo(2L * ACTIONS);
			Path dir = outcome.outputDirs().get("payments-cab");
			JsonNode findings = JSON.readTree(dir.resolve("findings.json").toFile());
			assertThat(findings.get("findings").size()).isEqualTo((int) stored);
			assertThat(findings.get("counts").get("total").asLong()).isEqualTo(stored);
			JsonNode groups = JSON.readTree(dir.resolve("finding-groups.json").toFile());
			assertThat(groups.get("findings").asLong()).isEqualTo(stored);
			Path pack = dir.resolve("review-pack.pdf");
			try (PDDocument document = Loader.loadPDF(pack.toFile())) {
				assertThat(document.getNumberOfPages()).isLessThanOrEqualTo(60);
				String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
				assertThat(text)
					.contains(String.format("%,d findings by failover-agent, port 22", ACTIONS - ACTIONS / 20))
					.contains("more groups");
			}
			assertThat(new PackVerifier().verify(pack, null).passed()).isTrue();
		}

		private static List<Action> actions() {
			List<Action> actions = new ArrayList<>(ACTIONS);
			long quarter = Q3.end().getEpochSecond() - Q3.start().getEpochSecond() - 7200;
			for (int i = 0; i < ACTIONS; i++) {
				Instant at = Q3.start().plusSeconds(quarter * i / ACTIONS);
				actions.add(action().id(String.format("a-%07d", i))
					.at(at.toString())
					.agent("failover-agent")
					.model("orchestrator-2.3.1")
					.envelope("PA-FAILOVER-007")
					.type("security_group.ingress.add")
					.resource("sg-0a1b" + (i % 50))
					.region("eu-central-1")
					.ports((i % 20 == 0) ? Integer.toString(1024 + i % 37) : "22")
					.cidr("10.0.1.0/24")
					.seq(i + 1)
					.build());
			}
			return actions;
		}

	}

	@Nested
	@TestPropertySource(properties = { "review.data-dir=target/test-data", "review.packs.enabled=true",
			"review.job.chunk-size=1000" })
	class OnH2 extends H2IntegrationTest implements Scenarios {

	}

	@Nested
	@TestPropertySource(properties = { "review.data-dir=target/test-data", "review.packs.enabled=true",
			"review.job.chunk-size=1000" })
	class OnPostgres extends PostgresIntegrationTest implements Scenarios {

	}

}
