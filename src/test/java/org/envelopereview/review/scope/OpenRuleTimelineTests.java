package org.envelopereview.review.scope;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.review.scope.ExercisedScope.OpenRules;
import org.envelopereview.review.scope.OpenRuleTimeline.Removal;
import org.envelopereview.review.scope.OpenRuleTimeline.Rule;

import static org.assertj.core.api.Assertions.assertThat;

class OpenRuleTimelineTests {

	private static Rule rule(String id, String openedAt, String resource, String revertedAt) {
		return new Rule(id, Instant.parse(openedAt), "security_group.ingress.add", resource, "tcp", "443",
				"10.0.2.0/24", (revertedAt != null) ? Instant.parse(revertedAt) : null);
	}

	@Test
	void shouldCountRulesOpenAtStartEndAndPeak() {
		List<Rule> rules = List.of(rule("a-1", "2026-06-15T00:00:00Z", "sg-1", null),
				rule("a-2", "2026-07-10T00:00:00Z", "sg-1", "2026-07-10T00:20:00Z"),
				rule("a-3", "2026-07-10T00:10:00Z", "sg-2", null));
		OpenRuleTimeline.Counts counts = OpenRuleTimeline.count(rules, List.of(), Fixtures.Q3);
		assertThat(counts.total()).isEqualTo(new OpenRules(1, 2, 3));
		assertThat(counts.byResource().get("sg-1")).isEqualTo(new OpenRules(1, 1, 2));
		assertThat(counts.byResource().get("sg-2")).isEqualTo(new OpenRules(0, 1, 1));
	}

	@Test
	void shouldCloseARuleByAMatchingRemovalButNotByARemovalOfAnotherCidr() {
		List<Rule> rules = List.of(rule("a-1", "2026-07-10T00:00:00Z", "sg-1", null));
		Removal other = new Removal(Instant.parse("2026-07-11T00:00:00Z"), "security_group.ingress.remove", "sg-1",
				"tcp", "443", "192.168.0.0/24");
		Removal matching = new Removal(Instant.parse("2026-07-12T00:00:00Z"), "security_group.ingress.remove", "sg-1",
				null, null, null);
		assertThat(OpenRuleTimeline.count(rules, List.of(other), Fixtures.Q3).total().end()).isEqualTo(1);
		assertThat(OpenRuleTimeline.count(rules, List.of(other, matching), Fixtures.Q3).total().end()).isZero();
	}

	@Test
	void shouldIgnoreARemovalFromBeforeTheRuleWasOpened() {
		List<Rule> rules = List.of(rule("a-2", "2026-07-10T00:00:00Z", "sg-1", null),
				rule("a-3", "2026-07-20T00:00:00Z", "sg-1", null));
		Removal between = new Removal(Instant.parse("2026-07-15T00:00:00Z"), "security_group.ingress.remove", "sg-1",
				"tcp", "443", "10.0.2.0/24");
		// closes a-2 (opened before it), not a-3 (opened after it)
		assertThat(OpenRuleTimeline.count(rules, List.of(between), Fixtures.Q3).total())
			.isEqualTo(new OpenRules(0, 1, 1));
	}

	@Test
	void shouldNotLetAnEgressRemovalCloseAnIngressRule() {
		List<Rule> rules = List.of(rule("a-1", "2026-07-10T00:00:00Z", "sg-1", null));
		Removal egress = new Removal(Instant.parse("2026-07-11T00:00:00Z"), "security_group.egress.remove", "sg-1",
				null, null, null);
		assertThat(OpenRuleTimeline.count(rules, List.of(egress), Fixtures.Q3).total().end()).isEqualTo(1);
	}

	@Test
	void shouldCountOnlyRuleTypesAsOpeningOrClosingRules() {
		assertThat(OpenRuleTimeline.openingTypes())
			.contains("security_group.ingress.add", "nacl.entry.replace", "firewall.rule.disable")
			.doesNotContain("route.add", "dns.record.upsert", "security_group.ingress.remove");
		assertThat(OpenRuleTimeline.closingTypes()).containsExactlyInAnyOrder("security_group.ingress.remove",
				"security_group.egress.remove", "nacl.entry.remove", "firewall.rule.remove");
	}

}
