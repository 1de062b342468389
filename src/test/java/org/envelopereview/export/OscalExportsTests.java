package org.envelopereview.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.decision.DecisionKind;
import org.envelopereview.decision.DecisionStatus;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.StoredFinding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.export.ExportFixtures.FINDINGS_SHA;
import static org.envelopereview.export.ExportFixtures.Q3;
import static org.envelopereview.export.ExportFixtures.actionFinding;
import static org.envelopereview.export.ExportFixtures.decision;
import static org.envelopereview.export.ExportFixtures.envelopeFinding;
import static org.envelopereview.export.ExportFixtures.export;

/**
 * The OSCAL assessment results and plan of action and milestones of one board and period
 * (SPEC §10), validated against NIST's OSCAL 1.1.2 JSON schemas.
 */
class OscalExportsTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String PA = "PA-FAILOVER-007";

	/**
	 * Two port findings of one agent on one port, one on another port, and an overdue
	 * review.
	 */
	static List<StoredFinding> findings() {
		return List.of(
				actionFinding(FindingCode.OOS_PORT, PA, "a-1", "failover-agent", "2026-07-04T10:00:00Z",
						Map.of("ports", "22")),
				actionFinding(FindingCode.OOS_PORT, PA, "a-2", "failover-agent", "2026-08-04T10:00:00Z",
						Map.of("ports", "22")),
				actionFinding(FindingCode.OOS_PORT, PA, "a-3", "failover-agent", "2026-08-05T10:00:00Z",
						Map.of("ports", "3389")),
				envelopeFinding(FindingCode.ENV_REVIEW_OVERDUE, PA));
	}

	@Test
	void shouldWriteAssessmentResultsThatTheOscal112SchemaAccepts() {
		byte[] document = OscalAssessmentResults.write(export(Q3, findings(), List.of(), List.of()),
				ObservationGroup.of(findings()));

		assertThat(OscalSchemas.errors(OscalSchemas.ASSESSMENT_RESULTS, document)).isEmpty();
	}

	@Test
	void shouldHaveTheSchemaRejectAResultThatReviewedNoControls() {
		JsonNode document = JSON.readTree(OscalAssessmentResults.write(export(Q3, findings(), List.of(), List.of()),
				ObservationGroup.of(findings())));
		((tools.jackson.databind.node.ObjectNode) document.path("assessment-results").path("results").get(0))
			.remove("reviewed-controls");

		assertThat(OscalSchemas.errors(OscalSchemas.ASSESSMENT_RESULTS,
				JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8)))
			.anySatisfy((error) -> assertThat(error).contains("reviewed-controls"));
	}

	@Test
	void shouldMakeOneObservationPerFindingGroupAndAnotherForAnotherPort() {
		JsonNode result = result(findings());

		List<String> titles = new ArrayList<>();
		result.path("observations").forEach((observation) -> titles.add(observation.path("title").asString()));
		assertThat(titles).containsExactlyInAnyOrder("OOS-PORT on PA-FAILOVER-007 by failover-agent: 22 (2 findings)",
				"OOS-PORT on PA-FAILOVER-007 by failover-agent: 3389", "ENV-REVIEW-OVERDUE on PA-FAILOVER-007");
		JsonNode grouped = observation(result, "OOS-PORT on PA-FAILOVER-007 by failover-agent: 22 (2 findings)");
		assertThat(prop(grouped, "count")).isEqualTo("2");
		assertThat(prop(grouped, "first-occurrence")).isEqualTo("2026-07-04T10:00:00Z");
		assertThat(prop(grouped, "last-occurrence")).isEqualTo("2026-08-04T10:00:00Z");
		assertThat(grouped.path("relevant-evidence").get(0).path("href").asString()).startsWith("#");
	}

	@Test
	void shouldFindAControlNotSatisfiedOnlyWhenAFindingOfThePeriodBearsOnIt() {
		JsonNode result = result(findings());

		JsonNode pci = finding(result, "pci-dss-4.0.1_1.2.2_smt");
		assertThat(pci.path("target").path("status").path("state").asString()).isEqualTo("not-satisfied");
		assertThat(pci.path("related-observations")).hasSize(3);
		// OOS-PORT and ENV-REVIEW-OVERDUE bear on no transfer control: GDPR holds
		JsonNode gdpr = finding(result, "gdpr_art.44-46_smt");
		assertThat(gdpr.path("target").path("status").path("state").asString()).isEqualTo("satisfied");
		assertThat(gdpr.has("related-observations")).isFalse();
		assertThat(result.path("reviewed-controls").path("control-selections").get(0).path("include-controls"))
			.hasSize(result.path("findings").size());
	}

	@Test
	void shouldCiteTheEvidenceFilesBySha256InTheBackMatter() {
		JsonNode document = JSON.readTree(OscalAssessmentResults.write(export(Q3, findings(), List.of(), List.of()),
				ObservationGroup.of(findings())));

		JsonNode resources = document.path("assessment-results").path("back-matter").path("resources");
		List<String> cited = new ArrayList<>();
		resources.forEach((resource) -> cited.add(resource.path("rlinks").get(0).path("href").asString() + " "
				+ resource.path("rlinks").get(0).path("hashes").get(0).path("value").asString()));
		assertThat(cited).contains("findings.json " + FINDINGS_SHA);
		String evidenceHref = result(findings()).path("observations")
			.get(0)
			.path("relevant-evidence")
			.get(0)
			.path("href")
			.asString();
		assertThat(resources.findValuesAsString("uuid")).contains(evidenceHref.substring(1));
	}

	@Test
	void shouldPlanTheRevisesAndRetiresAndTheUnrevertedActionsWithTheirDueDates() {
		List<StoredFinding> findings = new ArrayList<>(findings());
		findings.add(actionFinding(FindingCode.OOS_NOT_REVERTED, PA, "a-9", "failover-agent", "2026-07-03T03:47:00Z",
				Map.of("deadline", "2026-07-03T04:17:00Z")));
		byte[] document = OscalPoam
			.write(export(Q3, findings, List.of(),
					List.of(decision("PA-REVISE-003", DecisionKind.REVISE, "2026-08-09", DecisionStatus.PENDING),
							decision("PA-RETIRE-002", DecisionKind.RETIRE, "2026-08-01", DecisionStatus.APPLIED),
							decision("PA-STALE-001", DecisionKind.RE_APPROVE, null, DecisionStatus.APPLIED),
							decision("PA-LATER-005", DecisionKind.DEFER, null, DecisionStatus.DEFERRED))))
			.orElseThrow();

		assertThat(OscalSchemas.errors(OscalSchemas.POAM, document)).isEmpty();
		JsonNode plan = JSON.readTree(document).path("plan-of-action-and-milestones");
		List<String> items = new ArrayList<>();
		plan.path("poam-items").forEach((item) -> items.add(item.path("title").asString()));
		assertThat(items).containsExactly("Revise envelope PA-REVISE-003", "Retire envelope PA-RETIRE-002",
				"Revert or authorize action a-9 on sg-0a1b2c3d");
		assertThat(risk(plan, "Revise envelope PA-REVISE-003").path("status").asString()).isEqualTo("open");
		assertThat(risk(plan, "Revise envelope PA-REVISE-003").path("deadline").asString())
			.isEqualTo("2026-08-09T00:00:00Z");
		assertThat(risk(plan, "Retire envelope PA-RETIRE-002").path("status").asString()).isEqualTo("closed");
		JsonNode unreverted = risk(plan, "Revert or authorize action a-9 on sg-0a1b2c3d");
		assertThat(unreverted.path("deadline").asString()).as("period end + 30 days").isEqualTo("2026-10-31T00:00:00Z");
		assertThat(unreverted.path("remediations")
			.get(0)
			.path("tasks")
			.get(0)
			.path("timing")
			.path("on-date")
			.path("date")
			.asString()).isEqualTo("2026-10-31T00:00:00Z");
	}

	@Test
	void shouldWriteNoPlanWhenNothingIsToBeRevisedRetiredOrReverted() {
		assertThat(OscalPoam.write(export(Q3, findings(), List.of(),
				List.of(decision("PA-STALE-001", DecisionKind.RE_APPROVE, null, DecisionStatus.APPLIED)))))
			.isEmpty();
	}

	@Test
	void shouldWriteTheSameBytesForTheSameReviewWithNameBasedUuids() {
		byte[] first = OscalAssessmentResults.write(export(Q3, findings(), List.of(), List.of()),
				ObservationGroup.of(findings()));
		byte[] second = OscalAssessmentResults.write(export(Q3, List.copyOf(findings()), List.of(), List.of()),
				ObservationGroup.of(List.copyOf(findings())));

		assertThat(second).isEqualTo(first);
		assertThat(JSON.readTree(first).path("assessment-results").path("uuid").asString())
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		byte[] otherPeriod = OscalAssessmentResults.write(export(ExportFixtures.Q2, findings(), List.of(), List.of()),
				ObservationGroup.of(findings()));
		assertThat(JSON.readTree(otherPeriod).path("assessment-results").path("uuid").asString())
			.isNotEqualTo(JSON.readTree(first).path("assessment-results").path("uuid").asString());
	}

	private static JsonNode result(List<StoredFinding> findings) {
		return JSON
			.readTree(OscalAssessmentResults.write(export(Q3, findings, List.of(), List.of()),
					ObservationGroup.of(findings)))
			.path("assessment-results")
			.path("results")
			.get(0);
	}

	private static JsonNode observation(JsonNode result, String title) {
		for (JsonNode observation : result.path("observations")) {
			if (observation.path("title").asString().equals(title)) {
				return observation;
			}
		}
		throw new AssertionError("no observation " + title);
	}

	private static JsonNode finding(JsonNode result, String targetId) {
		for (JsonNode finding : result.path("findings")) {
			if (finding.path("target").path("target-id").asString().equals(targetId)) {
				return finding;
			}
		}
		throw new AssertionError("no finding for " + targetId);
	}

	private static JsonNode risk(JsonNode plan, String title) {
		for (JsonNode risk : plan.path("risks")) {
			if (risk.path("title").asString().equals(title)) {
				return risk;
			}
		}
		throw new AssertionError("no risk " + title);
	}

	private static String prop(JsonNode node, String name) {
		for (JsonNode prop : node.path("props")) {
			if (prop.path("name").asString().equals(name)) {
				return prop.path("value").asString();
			}
		}
		return null;
	}

}
