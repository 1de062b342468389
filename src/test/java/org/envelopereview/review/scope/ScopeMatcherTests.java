package org.envelopereview.review.scope;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.envelopereview.action.Action;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.FindingCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.ActionBuilder.action;
import static org.envelopereview.review.fixtures.EnvelopeBuilder.envelope;
import static org.envelopereview.review.fixtures.EnvelopeBuilder.ingressClass;

class ScopeMatcherTests {

	private static List<FindingCode> violations(Envelope envelope, Action action) {
		return ScopeMatcher.bestFit(envelope, action)
			.orElseThrow()
			.violations()
			.stream()
			.map(ScopeViolation::code)
			.toList();
	}

	private static Envelope allowing(String cidr) {
		return envelope().with(ingressClass().cidrs(cidr)).build();
	}

	@Test
	void shouldAcceptA25InsideAnAllowed24() {
		assertThat(violations(allowing("10.0.1.0/24"), action().cidr("10.0.1.128/25").build())).isEmpty();
	}

	@Test
	void shouldRejectAPrefixStraddlingTheAllowed24() {
		// 10.0.1.200/23 opens 10.0.0.0/23, half of it outside 10.0.1.0/24
		assertThat(violations(allowing("10.0.1.0/24"), action().cidr("10.0.1.200/23").build()))
			.containsExactly(FindingCode.OOS_CIDR);
	}

	@Test
	void shouldAcceptTheWholeAllowedBlockButNotTheNextOne() {
		assertThat(violations(allowing("10.0.1.0/24"), action().cidr("10.0.1.0/24").build())).isEmpty();
		assertThat(violations(allowing("10.0.1.0/24"), action().cidr("10.0.2.0/24").build()))
			.containsExactly(FindingCode.OOS_CIDR);
	}

	@Test
	void shouldMatchIpv6PrefixesByContainment() {
		Envelope envelope = allowing("2001:db8::/32");
		assertThat(violations(envelope, action().cidr("2001:db8:1::/48").build())).isEmpty();
		assertThat(violations(envelope, action().cidr("2001:db9::/48").build())).containsExactly(FindingCode.OOS_CIDR);
		assertThat(violations(envelope, action().cidr("2001:db8::/31").build())).containsExactly(FindingCode.OOS_CIDR);
	}

	@Test
	void shouldNotLetAnIpv4PrefixMatchAnIpv6Scope() {
		assertThat(violations(allowing("::/0"), action().cidr("10.0.0.0/8").build()))
			.containsExactly(FindingCode.OOS_CIDR);
	}

	@Test
	void shouldTreatAMissingCidrOnAConstrainedClassAsOutOfScope() {
		assertThat(violations(allowing("10.0.0.0/16"), action().cidr(null).build()))
			.containsExactly(FindingCode.OOS_CIDR);
	}

	@Test
	void shouldTreatAnUnparseableCidrAsOutOfScope() {
		assertThat(violations(allowing("10.0.0.0/16"), action().cidr("10.0.0.300/24").build()))
			.containsExactly(FindingCode.OOS_CIDR);
	}

	@Test
	void shouldAcceptPortsInsideADeclaredRangeOnly() {
		Envelope envelope = envelope().build();
		assertThat(violations(envelope, action().ports("8444").build())).isEmpty();
		assertThat(violations(envelope, action().ports("8443-8444").build())).isEmpty();
		assertThat(violations(envelope, action().ports("8443-8445").build())).containsExactly(FindingCode.OOS_PORT);
		assertThat(violations(envelope, action().ports("22").build())).containsExactly(FindingCode.OOS_PORT);
	}

	@Test
	void shouldTreatNoPortsOnAPortConstrainedClassAsAllPorts() {
		assertThat(violations(envelope().build(), action().ports(null).build())).containsExactly(FindingCode.OOS_PORT);
	}

	@Test
	void shouldPlaceNoConstraintOnAnOmittedDimensionButAllowNothingForAnEmptyOne() {
		Envelope omitted = envelope().with(ingressClass().unconstrained("ports")).build();
		Envelope empty = envelope().with(ingressClass().ports()).build();
		assertThat(violations(omitted, action().ports("22").build())).isEmpty();
		assertThat(violations(empty, action().ports("443").build())).containsExactly(FindingCode.OOS_PORT);
	}

	@Test
	void shouldMatchResourceGlobs() {
		assertThat(ScopeMatcher.globMatches("sg-0a1b*", "sg-0a1b2c3d")).isTrue();
		assertThat(ScopeMatcher.globMatches("sg-0a1b*", "sg-0a1c2c3d")).isFalse();
		assertThat(ScopeMatcher.globMatches("sg-????", "sg-0a1b")).isTrue();
		assertThat(ScopeMatcher.globMatches("sg-????", "sg-0a1b2")).isFalse();
		assertThat(ScopeMatcher.globMatches("orchestrator-2.3.*", "orchestrator-2.3.1")).isTrue();
		assertThat(ScopeMatcher.globMatches("orchestrator-2.3.*", "orchestrator-2.31")).isFalse();
	}

	@Test
	void shouldJudgeAnActionAgainstTheClassItFitsBest() {
		Envelope envelope = envelope().with(ingressClass().resources("sg-ffff*").cidrs("192.168.0.0/16"))
			.with(ingressClass().ports("22"))
			.build();
		// the second class differs only in the port: one violation rather than two
		assertThat(violations(envelope, action().build())).containsExactly(FindingCode.OOS_PORT);
	}

	@Test
	void shouldFindNoClassForAnUnauthorizedType() {
		assertThat(ScopeMatcher.bestFit(envelope().build(), action().type("route.add").build())).isEmpty();
	}

	@Test
	void shouldMergePortRangesSoNoPortCountsTwice() {
		assertThat(ScopeMatcher.parsePorts("443,8443-8444")).hasSize(2);
		assertThat(ExercisedScope
			.portCount(ScopeMeasurer.mergePorts(List.of(new org.envelopereview.envelope.PortRange(443, 443),
					new org.envelopereview.envelope.PortRange(440, 445),
					new org.envelopereview.envelope.PortRange(446, 446)))))
			.isEqualTo(7);
	}

}
