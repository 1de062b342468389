package org.envelopereview.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.envelopereview.action.ingest.ActionIngester;
import org.envelopereview.action.ingest.IngestInput;
import org.envelopereview.action.ingest.IngestReport;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.FindingStore;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.support.DatabaseContract;
import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;
import org.envelopereview.support.TestOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A review over provider audit logs: a trail stopped and flow logs deleted, as real
 * captures recorded them (src/test/resources/realdata, SOURCES.md; moved into the
 * reviewed quarter), ingested from CloudTrail and judged by the review job.
 */
class CloudTrailReviewTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	interface Scenarios extends DatabaseContract {

		@Test
		default void shouldReportLogSuppressionForAStoppedTrailAndDeletedFlowLogsNamingEach() throws IOException {
			Jdbi jdbi = bean(Jdbi.class);
			ActionTable.clear(jdbi);
			TestOutput.emptied(context());
			Path trail = directory().resolve("trail.json");
			Files.writeString(trail, trailFile());
			IngestReport ingested = bean(ActionIngester.class).ingest(List.of(IngestInput.file(trail)), null,
					1_048_576);
			assertThat(ingested.totals().stored()).isEqualTo(3);
			assertThat(ingested.totals().quarantined()).isZero();

			ReviewOutcome outcome = bean(ReviewLauncher.class).run(Fixtures.Q3, null, false);

			List<StoredFinding> suppressions = bean(FindingStore.class).findings(outcome.runId())
				.stream()
				.filter((stored) -> stored.finding().code() == FindingCode.LOG_SUPPRESSION)
				.toList();
			assertThat(suppressions).extracting((stored) -> stored.finding().explanation())
				.containsExactlyInAnyOrder(
						"ct-stop-1 (arn:aws:cloudtrail:us-west-2:123456789012:trail/example-trail): "
								+ "logging.config.modify by tester is not under a tier-4 change (no envelope)",
						"ct-flow-1 (fl-064ed3a785e4a37ef): logging.config.modify by bert-jan is not under a tier-4 "
								+ "change (no envelope)");
			assertThat(bean(FindingStore.class).findings(outcome.runId()))
				.filteredOn((stored) -> "ct-ssh-1".equals(stored.finding().actionId()))
				.isNotEmpty()
				.allSatisfy((stored) -> assertThat(stored.finding().evidence()).containsEntry("recordedCidr",
						"208.236.235.254/0"));
		}

	}

	/**
	 * The panther-analysis StopLogging fixture and the invictus-ir DeleteFlowLogs event,
	 * in a Records file, at times inside 2026-Q3 and with ids of their own.
	 */
	static String trailFile() throws IOException {
		JsonNode stopLogging = JSON
			.readTree(resource("panther_aws_cloudtrail_logging_test_events.jsonl").lines().findFirst().orElseThrow());
		JsonNode deleteFlowLogs = null;
		for (JsonNode record : JSON
			.readTree(resource("218007301253_CloudTrail_us-east-1_20230710T1205Z_SjF3IkuNXJkoHyar.json"))
			.path("Records")) {
			if ("DeleteFlowLogs".equals(record.path("eventName").asString())) {
				deleteFlowLogs = record;
			}
		}
		JsonNode sshOpened = null;
		for (JsonNode record : JSON
			.readTree(resource("218007301253_CloudTrail_us-east-1_20230710T1215Z_YMDRJwtmC82bUwAo.json"))
			.path("Records")) {
			if ("74bd84b4-6729-4895-b2a4-e2beb7c6b377".equals(record.path("eventID").asString())) {
				sshOpened = moved(record, "ct-ssh-1", "2026-07-10T10:10:00Z");
			}
		}
		// the world-open SSH rule with host bits, as a Stratus Red Team capture recorded
		// it
		((ObjectNode) sshOpened.path("requestParameters")).put("cidrIp", "208.236.235.254/0");
		ObjectNode file = JSON.createObjectNode();
		ArrayNode records = file.putArray("Records");
		records.add(moved(stopLogging, "ct-stop-1", "2026-07-10T10:00:00Z"));
		records.add(moved(deleteFlowLogs, "ct-flow-1", "2026-07-10T10:05:00Z"));
		records.add(sshOpened);
		return file.toString();
	}

	private static JsonNode moved(JsonNode event, String id, String time) {
		ObjectNode copy = (ObjectNode) event.deepCopy();
		copy.put("eventID", id);
		copy.put("eventTime", time);
		return copy;
	}

	private static String resource(String name) throws IOException {
		try (InputStream input = CloudTrailReviewTests.class.getResourceAsStream("/realdata/" + name)) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Nested
	class OnH2 extends H2IntegrationTest implements Scenarios {

	}

	@Nested
	class OnPostgres extends PostgresIntegrationTest implements Scenarios {

	}

}
