package org.envelopereview.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.StoredFinding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.export.ExportFixtures.Q3;
import static org.envelopereview.export.ExportFixtures.actionFinding;
import static org.envelopereview.export.ExportFixtures.envelopeFinding;
import static org.envelopereview.export.ExportFixtures.export;

/**
 * The OCSF JSON Lines export (SPEC §10): a Compliance Finding per envelope check, a
 * Detection Finding per out-of-scope action, Create / Update / Close across periods, each
 * line valid under the OCSF 1.3.0 definitions.
 */
class OcsfFindingsTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String PA = "PA-FAILOVER-007";

	static final StoredFinding OVERDUE = envelopeFinding(FindingCode.ENV_REVIEW_OVERDUE, PA);

	static final StoredFinding Q2_PORT = actionFinding(FindingCode.OOS_PORT, PA, "a-0", "failover-agent",
			"2026-06-04T10:00:00Z", Map.of("ports", "22"));

	static final StoredFinding Q3_PORT = actionFinding(FindingCode.OOS_PORT, PA, "a-1", "failover-agent",
			"2026-07-04T10:00:00Z", Map.of("ports", "22"));

	@Test
	void shouldUpdateWhatPersistsCreateWhatIsNewAndCloseWhatDisappeared() {
		List<JsonNode> events = lines(export(Q3, List.of(OVERDUE, Q3_PORT), List.of(OVERDUE, Q2_PORT), List.of()));

		assertThat(events)
			.extracting((event) -> event.path("activity_name").asString() + " "
					+ event.path("unmapped").path("finding_key").asString())
			.containsExactly("Update " + OVERDUE.key(), "Create " + Q3_PORT.key(), "Close " + Q2_PORT.key());
		assertThat(events).extracting((event) -> event.path("status").asString())
			.containsExactly("In Progress", "New", "Resolved");
	}

	@Test
	void shouldCreateEverythingAndCloseNothingWithoutAPreviousRun() {
		List<JsonNode> events = lines(export(Q3, List.of(OVERDUE, Q3_PORT), List.of(), List.of()));

		assertThat(events).extracting((event) -> event.path("activity_id").asInt()).containsExactly(1, 1);
	}

	@Test
	void shouldKeepAFindingsUidAcrossPeriodsAndGiveEachEventItsOwn() {
		JsonNode q2 = lines(export(ExportFixtures.Q2, List.of(OVERDUE), List.of(), List.of())).get(0);
		JsonNode q3 = lines(export(Q3, List.of(OVERDUE), List.of(OVERDUE), List.of())).get(0);

		assertThat(q3.path("finding_info").path("uid")).isEqualTo(q2.path("finding_info").path("uid"));
		assertThat(q3.path("metadata").path("uid")).isNotEqualTo(q2.path("metadata").path("uid"));
	}

	@Test
	void shouldReportEnvelopeChecksAsComplianceFindingsAndActionsAsDetectionFindings() {
		List<JsonNode> events = lines(export(Q3, List.of(OVERDUE, Q3_PORT), List.of(Q2_PORT), List.of()));

		JsonNode compliance = events.get(0);
		assertThat(compliance.path("class_uid").asInt()).isEqualTo(2003);
		assertThat(compliance.path("type_uid").asLong()).isEqualTo(200301);
		assertThat(compliance.path("compliance").path("control").asString()).isEqualTo("ENV-REVIEW-OVERDUE");
		assertThat(compliance.path("compliance").path("status").asString()).isEqualTo("Fail");
		assertThat(compliance.path("compliance").path("requirements").toString()).contains("PCI-DSS-4.0.1 1.2.2");
		assertThat(compliance.path("time").asLong()).as("the period's end").isEqualTo(Q3.end().toEpochMilli());
		JsonNode detection = events.get(1);
		assertThat(detection.path("class_uid").asInt()).isEqualTo(2004);
		assertThat(detection.has("compliance")).isFalse();
		assertThat(detection.path("finding_info").path("first_seen_time").asLong())
			.isEqualTo(java.time.Instant.parse("2026-07-04T10:00:00Z").toEpochMilli());
		assertThat(detection.path("severity").asString()).isEqualTo("High");
		assertThat(events.get(2).path("type_uid").asLong()).isEqualTo(200403);
	}

	@Test
	void shouldWriteEveryLineValidUnderTheOcsf130Definitions() {
		List<JsonNode> events = lines(
				export(Q3, List.of(OVERDUE, Q3_PORT, envelopeFinding(FindingCode.ENV_DORMANT, PA)),
						List.of(OVERDUE, Q2_PORT, envelopeFinding(FindingCode.ENV_EXPIRED, PA)), List.of()));

		assertThat(events).hasSize(5);
		assertThat(events).allSatisfy((event) -> assertThat(OcsfSchema.errors(event)).as(event.toString()).isEmpty());
	}

	@Test
	void shouldHaveTheDefinitionsRejectAnEventWithoutFindingInfoOrWithAWrongCaption() {
		ObjectNode event = (ObjectNode) lines(export(Q3, List.of(OVERDUE), List.of(), List.of())).get(0);
		event.remove("finding_info");
		event.put("activity_name", "Update");
		((ObjectNode) event.path("compliance")).put("colour", "red");

		assertThat(OcsfSchema.errors(event)).contains("finding_info is required",
				"activity_name must be 'Create' for activity_id 1",
				"compliance.colour is not an attribute of this class or object");
	}

	@Test
	void shouldWriteTheSameBytesForTheSameReview() {
		byte[] first = OcsfFindings.write(export(Q3, List.of(OVERDUE, Q3_PORT), List.of(Q2_PORT), List.of()));
		byte[] second = OcsfFindings.write(export(Q3, List.of(OVERDUE, Q3_PORT), List.of(Q2_PORT), List.of()));

		assertThat(second).isEqualTo(first);
		assertThat(new String(first, StandardCharsets.UTF_8)).endsWith("\n").doesNotContain("\n\n");
	}

	static List<JsonNode> lines(BoardExport export) {
		List<JsonNode> events = new ArrayList<>();
		for (String line : new String(OcsfFindings.write(export), StandardCharsets.UTF_8).split("\n")) {
			events.add(JSON.readTree(line));
		}
		return events;
	}

}
