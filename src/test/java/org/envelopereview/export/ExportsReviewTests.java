package org.envelopereview.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.period.Period;
import org.envelopereview.review.ReviewLauncher;
import org.envelopereview.review.ReviewOutcome;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.support.DatabaseContract;
import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;
import org.envelopereview.support.TestOutput;
import org.envelopereview.system.ReviewPaths;
import org.envelopereview.system.Sha256;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.ActionBuilder.action;

/**
 * The review job writes each board's OSCAL and OCSF exports beside its findings (SPEC
 * §10): valid, byte-identical for a second run of the same inputs, and carrying OCSF
 * findings across periods. The same on both databases.
 */
class ExportsReviewTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Period Q2 = Period.quarter("2026-Q2");

	static final Period Q3 = Period.quarter("2026-Q3");

	static final String BOARD = "payments-cab";

	interface Contract extends DatabaseContract {

		@BeforeEach
		default void freshHistory() {
			TestOutput.emptied(context());
			Jdbi jdbi = bean(Jdbi.class);
			ActionTable.clear(jdbi);
			ActionTable.insert(jdbi, List.of(
					// Q2 only: port 22 is outside the envelope's ports
					action().id("x-q2-port").at("2026-05-04T10:00:00Z").ports("22").build(),
					// Q3: a CIDR outside the envelope's, and a temporary change never
					// reverted
					action().id("x-q3-cidr").at("2026-07-04T10:00:00Z").cidr("0.0.0.0/0").build(),
					action().id("x-q3-temp").at("2026-08-04T10:00:00Z").revertBy("2026-08-04T10:20:00Z").build()));
		}

		@Test
		default void shouldCarryOcsfFindingsAcrossPeriodsWriteValidOscalAndTheSameBytesOnASecondRun()
				throws IOException {
			review(Q2);
			ReviewOutcome first = review(Q3);

			// OCSF: Create what is new, Update what persists, Close what is gone
			Map<String, String> activities = new LinkedHashMap<>();
			for (JsonNode event : ocsf(Q3)) {
				activities.put(event.path("unmapped").path("finding_key").asString(),
						event.path("activity_name").asString());
				assertThat(OcsfSchema.errors(event)).as(event.toString()).isEmpty();
			}
			assertThat(activities).containsEntry("OOS-CIDR|payments-cab|PA-FAILOVER-007|x-q3-cidr|cidrs", "Create")
				.containsEntry("OOS-PORT|payments-cab|PA-FAILOVER-007|x-q2-port|ports", "Close")
				.containsEntry("ENV-INVALID|payments-cab|PA-BROKEN-900||pa-broken-900.yaml", "Update");
			List<String> persisting = new ArrayList<>(keys(Q2));
			persisting.retainAll(keys(Q3));
			persisting.forEach((key) -> assertThat(activities).containsEntry(key, "Update"));
			assertThat(activities.values()).as("one event per finding of Q3, one Close per finding gone")
				.hasSize(keys(Q3).size() + (int) keys(Q2).stream().filter((key) -> !keys(Q3).contains(key)).count());

			// OSCAL: both documents valid, the evidence cited by its SHA-256
			Path dir = boardDir(Q3);
			assertThat(OscalSchemas.errors(OscalSchemas.ASSESSMENT_RESULTS,
					Files.readAllBytes(dir.resolve(ExportFiles.OSCAL_ASSESSMENT_RESULTS))))
				.isEmpty();
			byte[] poam = Files.readAllBytes(dir.resolve(ExportFiles.OSCAL_POAM));
			assertThat(OscalSchemas.errors(OscalSchemas.POAM, poam)).isEmpty();
			assertThat(new String(poam, StandardCharsets.UTF_8)).contains("Revert or authorize action x-q3-temp");
			String findingsSha = Sha256.hex(Files.readAllBytes(dir.resolve(BoardExports.FINDINGS_JSON)));
			assertThat(JSON.readTree(dir.resolve(ExportFiles.OSCAL_ASSESSMENT_RESULTS).toFile())
				.path("assessment-results")
				.path("back-matter")
				.path("resources")
				.toString()).contains(findingsSha);

			// a second run of the same inputs: the first run's files moved aside, the
			// same bytes, but for the SHA-256 the assessment results cite findings.json
			// by:
			// the second run verifies the chains from the first run's checkpoints, and
			// findings.json says so in its chainVerification block
			ReviewOutcome second = review(Q3);
			assertThat(second.runNumber()).isEqualTo(first.runNumber() + 1);
			Path earlier = dir.resolve("runs").resolve(Integer.toString(first.runNumber()));
			for (ExportFiles.ExportFile file : ExportFiles.ALL) {
				assertThat(citingFindingsJson(dir, file.name())).as(file.name())
					.isEqualTo(citingFindingsJson(earlier, file.name()));
			}
		}

		@Test
		default void shouldCreateEveryFindingWhenThePreviousPeriodWasNeverReviewed() {
			review(Q3);

			assertThat(ocsf(Q3)).extracting((event) -> event.path("activity_name").asString())
				.isNotEmpty()
				.containsOnly("Create");
		}

		/**
		 * An export's text with the SHA-256 of the findings.json beside it named instead.
		 */
		private static String citingFindingsJson(Path dir, String export) {
			try {
				String findingsSha = Sha256.hex(Files.readAllBytes(dir.resolve(BoardExports.FINDINGS_JSON)));
				return Files.readString(dir.resolve(export)).replace(findingsSha, "<sha-256 of findings.json>");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private ReviewOutcome review(Period period) {
			ReviewOutcome outcome = bean(ReviewLauncher.class).run(period, null, false);
			assertThat(outcome.completed()).as(period.label()).isTrue();
			return outcome;
		}

		private Path boardDir(Period period) {
			return context().getBean(ReviewPaths.class)
				.outputDir()
				.toAbsolutePath()
				.resolve(period.label())
				.resolve(BOARD);
		}

		private List<JsonNode> ocsf(Period period) {
			try {
				List<JsonNode> events = new ArrayList<>();
				for (String line : Files.readAllLines(boardDir(period).resolve(ExportFiles.OCSF_FINDINGS))) {
					events.add(JSON.readTree(line));
				}
				return events;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private List<String> keys(Period period) {
			List<String> keys = new ArrayList<>();
			JSON.readTree(boardDir(period).resolve(BoardExports.FINDINGS_JSON).toFile())
				.path("findings")
				.forEach((finding) -> keys.add(finding.path("key").asString()));
			return keys;
		}

	}

	@Nested
	class OnH2 extends H2IntegrationTest implements Contract {

	}

	@Nested
	class OnPostgres extends PostgresIntegrationTest implements Contract {

	}

}
