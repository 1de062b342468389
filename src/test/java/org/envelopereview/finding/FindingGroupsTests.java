package org.envelopereview.finding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FindingGroupsTests {

	@Test
	void shouldGroupFindingsWithTheSameCodeEnvelopeAgentAndPort() {
		List<FindingGroup> groups = FindingGroups.of(List.of(port("a-1", "agent-x", "22", "2026-07-01T10:00:00Z"),
				port("a-2", "agent-x", "22", "2026-07-09T10:00:00Z"),
				port("a-3", "agent-x", "22", "2026-07-02T10:00:00Z")));

		assertThat(groups).singleElement().satisfies((group) -> {
			assertThat(group.code()).isEqualTo(FindingCode.OOS_PORT);
			assertThat(group.envelopeId()).isEqualTo("env-a");
			assertThat(group.agent()).isEqualTo("agent-x");
			assertThat(group.outOfScopeValue()).isEqualTo("22");
			assertThat(group.count()).isEqualTo(3);
			assertThat(group.single()).isFalse();
			assertThat(group.firstOccurrence()).isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
			assertThat(group.lastOccurrence()).isEqualTo(Instant.parse("2026-07-09T10:00:00Z"));
			assertThat(group.examples()).extracting((stored) -> stored.finding().actionId())
				.containsExactly("a-1", "a-3", "a-2");
			// 2026-07-01 is a Wednesday: its week begins on Monday 2026-06-29
			assertThat(group.weeklyCounts()).containsExactly(Map.entry(LocalDate.parse("2026-06-29"), 2L),
					Map.entry(LocalDate.parse("2026-07-06"), 1L));
		});
	}

	@Test
	void shouldNotGroupADifferentPortCidrRegionOrType() {
		List<StoredFinding> findings = List.of(port("a-1", "agent-x", "22", "2026-07-01T10:00:00Z"),
				port("a-2", "agent-x", "3389", "2026-07-01T11:00:00Z"),
				oos(FindingCode.OOS_CIDR, "a-3", "agent-x", "cidr", "0.0.0.0/0", "2026-07-01T12:00:00Z"),
				oos(FindingCode.OOS_CIDR, "a-4", "agent-x", "cidr", "10.0.0.0/8", "2026-07-01T13:00:00Z"),
				oos(FindingCode.OOS_REGION, "a-5", "agent-x", "region", "us-east-1", "2026-07-01T14:00:00Z"),
				oos(FindingCode.OOS_REGION, "a-6", "agent-x", "region", "eu-west-1", "2026-07-01T15:00:00Z"),
				oos(FindingCode.OOS_ACTION_TYPE, "a-7", "agent-x", "type", "route.remove", "2026-07-01T16:00:00Z"),
				oos(FindingCode.OOS_ACTION_TYPE, "a-8", "agent-x", "type", "route.add", "2026-07-01T17:00:00Z"));

		List<FindingGroup> groups = FindingGroups.of(findings);

		assertThat(groups).hasSize(8).allSatisfy((group) -> assertThat(group.single()).isTrue());
		assertThat(groups).extracting(FindingGroup::outOfScopeValue)
			.contains("22", "3389", "0.0.0.0/0", "10.0.0.0/8", "us-east-1", "eu-west-1", "route.remove", "route.add");
	}

	@Test
	void shouldNotGroupAnotherAgentOrEnvelope() {
		StoredFinding other = stored(FindingCode.LOG_SUPPRESSION, Severity.CRITICAL, "env-b", "a-3",
				evidence("agent-x", "2026-07-01T10:00:00Z"));
		List<FindingGroup> groups = FindingGroups.of(List.of(suppression("a-1", "agent-x"),
				suppression("a-2", "agent-y"), suppression("a-4", "agent-x"), other));

		assertThat(groups).extracting(FindingGroup::envelopeId, FindingGroup::agent, FindingGroup::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("env-a", "agent-x", 2L),
					org.assertj.core.groups.Tuple.tuple("env-a", "agent-y", 1L),
					org.assertj.core.groups.Tuple.tuple("env-b", "agent-x", 1L));
	}

	@Test
	void shouldGroupCodesWithoutAnOutOfScopeValueByCodeEnvelopeAndAgentAlone() {
		List<FindingGroup> groups = FindingGroups
			.of(List.of(suppression("a-1", "agent-x"), suppression("a-2", "agent-x")));

		assertThat(groups).singleElement().satisfies((group) -> {
			assertThat(group.outOfScopeValue()).isNull();
			assertThat(group.count()).isEqualTo(2);
		});
	}

	@Test
	void shouldKeepFindingsAboutNoActionApart() {
		StoredFinding overdue = stored(FindingCode.ENV_MODEL_DRIFT, Severity.HIGH, "env-a", null,
				new TreeMap<>(Map.of("modelVersion", "m-1")));
		StoredFinding another = stored(FindingCode.ENV_MODEL_DRIFT, Severity.HIGH, "env-a", null,
				new TreeMap<>(Map.of("modelVersion", "m-2")));

		List<FindingGroup> groups = FindingGroups.of(List.of(overdue, another));

		assertThat(groups).hasSize(2).allSatisfy((group) -> {
			assertThat(group.single()).isTrue();
			assertThat(group.firstOccurrence()).isNull();
			assertThat(group.weeklyCounts()).isEmpty();
		});
		assertThat(groups).extracting(FindingGroup::key).doesNotHaveDuplicates();
	}

	@Test
	void shouldSortBySeverityThenCountAndKeepOnlyThreeEarliestExamples() {
		List<StoredFinding> findings = new ArrayList<>();
		for (int i = 9; i >= 1; i--) {
			findings.add(port("p-" + i, "agent-x", "22", "2026-07-0" + i + "T00:00:00Z"));
		}
		findings.add(suppression("s-1", "agent-x"));
		findings.add(port("q-1", "agent-y", "22", "2026-07-01T00:00:00Z"));
		findings.add(port("q-2", "agent-y", "22", "2026-07-02T00:00:00Z"));

		List<FindingGroup> groups = FindingGroups.of(findings);

		assertThat(groups).extracting(FindingGroup::code, FindingGroup::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.LOG_SUPPRESSION, 1L),
					org.assertj.core.groups.Tuple.tuple(FindingCode.OOS_PORT, 9L),
					org.assertj.core.groups.Tuple.tuple(FindingCode.OOS_PORT, 2L));
		assertThat(groups.get(1).examples()).extracting((stored) -> stored.finding().actionId())
			.containsExactly("p-1", "p-2", "p-3");
	}

	@Test
	void shouldTakeTheMostSevereOfItsFindings() {
		StoredFinding high = stored(FindingCode.OOS_PORT, Severity.HIGH, "env-a", "a-1",
				portEvidence("agent-x", "22", "2026-07-01T00:00:00Z"));
		StoredFinding critical = stored(FindingCode.OOS_PORT, Severity.CRITICAL, "env-a", "a-2",
				portEvidence("agent-x", "22", "2026-07-02T00:00:00Z"));

		assertThat(FindingGroups.of(List.of(high, critical))).singleElement()
			.extracting(FindingGroup::severity)
			.isEqualTo(Severity.CRITICAL);
	}

	private static StoredFinding port(String actionId, String agent, String ports, String occurredAt) {
		return stored(FindingCode.OOS_PORT, Severity.HIGH, "env-a", actionId, portEvidence(agent, ports, occurredAt));
	}

	private static TreeMap<String, String> portEvidence(String agent, String ports, String occurredAt) {
		TreeMap<String, String> evidence = evidence(agent, occurredAt);
		evidence.put("ports", ports);
		return evidence;
	}

	private static StoredFinding oos(FindingCode code, String actionId, String agent, String field, String value,
			String occurredAt) {
		TreeMap<String, String> evidence = evidence(agent, occurredAt);
		evidence.put(field, value);
		return stored(code, Severity.HIGH, "env-a", actionId, evidence);
	}

	private static StoredFinding suppression(String actionId, String agent) {
		return stored(FindingCode.LOG_SUPPRESSION, Severity.CRITICAL, "env-a", actionId,
				evidence(agent, "2026-07-01T10:00:00Z"));
	}

	private static TreeMap<String, String> evidence(String agent, String occurredAt) {
		TreeMap<String, String> evidence = new TreeMap<>();
		evidence.put("agent", agent);
		evidence.put("occurredAt", occurredAt);
		return evidence;
	}

	private static StoredFinding stored(FindingCode code, Severity severity, String envelopeId, String actionId,
			TreeMap<String, String> evidence) {
		String key = String.join("|", code.code(), "payments", envelopeId, (actionId != null) ? actionId : "",
				evidence.toString());
		return new StoredFinding(key, new Finding(code, severity, "payments", false, envelopeId, actionId,
				code.code() + " on " + actionId, evidence, List.of()));
	}

}
