package org.envelopereview.review.scope;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.envelopereview.action.Action;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.review.fixtures.EnvelopeBuilder.ClassBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.ActionBuilder.action;
import static org.envelopereview.review.fixtures.EnvelopeBuilder.envelope;
import static org.envelopereview.review.fixtures.EnvelopeBuilder.ingressClass;

class PrincipalMatcherTests {

	@Test
	void shouldMatchAQualifiedPatternAgainstTheWholePrincipal() {
		List<String> patterns = List.of("arn:aws:iam::*:role/failover-agent");

		assertThat(PrincipalMatcher.matchesAny(patterns, "arn:aws:iam::123456789012:role/failover-agent")).isTrue();
		assertThat(PrincipalMatcher.matchesAny(patterns, "arn:aws:iam::123456789012:role/failover-agent-test"))
			.isFalse();
		assertThat(PrincipalMatcher.matchesAny(patterns, "arn:aws:iam::123456789012:user/failover-agent")).isFalse();
	}

	@Test
	void shouldMatchABareNameAgainstTheRoleOrUserName() {
		List<String> patterns = List.of("bert-jan");

		assertThat(PrincipalMatcher.matchesAny(patterns, "arn:aws:iam::123837392027:user/bert-jan")).isTrue();
		assertThat(PrincipalMatcher.matchesAny(patterns, "arn:aws:iam::123837392027:role/ops/bert-jan")).isTrue();
		assertThat(PrincipalMatcher.matchesAny(patterns, "bert-jan")).isTrue();
		assertThat(PrincipalMatcher.matchesAny(patterns, "arn:aws:iam::123837392027:user/bert-jan2")).isFalse();
		assertThat(PrincipalMatcher.matchesAny(List.of("bert"), "arn:aws:iam::123837392027:user/bert-jan")).isFalse();
		assertThat(PrincipalMatcher.matchesAny(List.of("bert*"), "arn:aws:iam::123837392027:user/bert-jan")).isTrue();
	}

	@Test
	void shouldMatchAServiceAccountEmailWhole() {
		List<String> patterns = List.of("sa-router@proj.iam.gserviceaccount.com");

		assertThat(PrincipalMatcher.matchesAny(patterns, "sa-router@proj.iam.gserviceaccount.com")).isTrue();
		assertThat(PrincipalMatcher.matchesAny(patterns, "sa-router@other.iam.gserviceaccount.com")).isFalse();
	}

	@Test
	void shouldMatchNothingWithoutAPrincipalOrPrincipals() {
		assertThat(PrincipalMatcher.matchesAny(List.of("*"), null)).isFalse();
		assertThat(PrincipalMatcher.governs(envelope().build(), "arn:aws:iam::1:role/failover-agent")).isFalse();
	}

	@Test
	void shouldPreferTheEnvelopeWhoseScopeTheActionFitsBest() {
		Envelope tls = envelope().id("NS-TLS-001").with(ingressClass().ports("443")).build();
		Envelope ssh = envelope().id("NS-SSH-002").with(ingressClass().ports("22")).build();
		Envelope routes = envelope().id("NS-ROUTE-003").with(new ClassBuilder("route.add")).build();
		Action sshRule = action().ports("22").build();

		assertThat(ScopeMatcher.bestEnvelope(List.of(routes, tls, ssh), sshRule).id()).isEqualTo("NS-SSH-002");
		assertThat(ScopeMatcher.bestEnvelope(List.of(routes, tls), sshRule).id()).isEqualTo("NS-TLS-001");
		assertThat(ScopeMatcher.bestEnvelope(List.of(tls, ssh), action().ports("3389").build()).id())
			.as("equally good: the first given")
			.isEqualTo("NS-TLS-001");
	}

}
