package org.envelopereview.envelope;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.envelopereview.action.ActionTypes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled examples are the demo's data and the users' templates: they must be valid.
 */
class EnvelopeExamplesTests {

	private static final LocalDate END_OF_2026_Q3 = LocalDate.of(2026, 10, 1);

	private static EnvelopeCatalog catalog;

	@BeforeAll
	static void loadExamples() {
		catalog = new EnvelopeLoader().load(Path.of("envelopes"));
	}

	@Test
	void shouldLoadEveryExampleWithoutAProblem() {
		assertThat(catalog.problems()).isEmpty();
		assertThat(catalog.files()).allMatch(EnvelopeFile::valid);
		assertThat(catalog.envelopes()).hasSizeGreaterThanOrEqualTo(10).hasSize(catalog.files().size() - 1);
	}

	@Test
	void shouldNameEachFileAfterItsEnvelopeId() {
		assertThat(catalog.envelopes()).allSatisfy(
				(envelope) -> assertThat(envelope.sourceFile()).isEqualTo(envelope.id().toLowerCase() + ".yaml"));
	}

	@Test
	void shouldDefineThreeBoardsWithOneDefaultAndAnApproverWhoLeft() {
		BoardDirectory directory = catalog.directory();
		assertThat(directory.boards()).extracting(Board::id)
			.containsExactly("payments-cab", "network-security", "data-protection");
		assertThat(directory.defaultBoard()).map(Board::id).contains("network-security");
		assertThat(directory.boards()).allSatisfy((board) -> assertThat(board.members()).hasSizeBetween(2, 4));
		assertThat(directory.approvers())
			.anyMatch((approver) -> LocalDate.of(2026, 3, 31).equals(approver.activeUntil()));
	}

	@Test
	void shouldCoverEveryTierAndEveryActionTypeFamily() {
		assertThat(catalog.envelopes()).extracting(Envelope::tier).contains(1, 2, 3, 4);
		Set<String> types = catalog.envelopes()
			.stream()
			.flatMap((envelope) -> envelope.actions().stream())
			.map(ActionClass::type)
			.collect(Collectors.toSet());
		assertThat(types).anyMatch((type) -> type.startsWith("security_group.ingress."))
			.anyMatch((type) -> type.startsWith("security_group.egress."))
			.anyMatch((type) -> type.startsWith("nacl.entry."))
			.anyMatch((type) -> type.startsWith("firewall.rule."))
			.anyMatch((type) -> type.startsWith("route."))
			.anyMatch((type) -> type.startsWith("dns.record."))
			.contains("lb.listener.modify", "mesh.policy.update", "mesh.mtls.modify", "inspection.bypass",
					"logging.config.modify");
		assertThat(types).allMatch(ActionTypes::isKnown);
	}

	@Test
	void shouldAuthorizeSuppressionOfLogsOrInspectionOnlyAtTierFour() {
		List<ActionClass> suppressing = catalog.envelopes()
			.stream()
			.flatMap((envelope) -> envelope.actions().stream())
			.filter((action) -> Set.of("inspection.bypass", "logging.config.modify").contains(action.type()))
			.toList();
		assertThat(suppressing).isNotEmpty().allMatch((action) -> action.tier() == 4);
	}

	@Test
	void shouldUseIpv4AndIpv6CidrsAndSeveralRegionsAndComplianceScopes() {
		List<Scope> scopes = catalog.envelopes()
			.stream()
			.flatMap((envelope) -> envelope.actions().stream())
			.map(ActionClass::scope)
			.toList();
		assertThat(scopes.stream().filter((scope) -> scope.cidrs() != null).flatMap((scope) -> scope.cidrs().stream()))
			.anyMatch((cidr) -> cidr.isIPv4())
			.anyMatch((cidr) -> cidr.isIPv6());
		assertThat(
				scopes.stream().filter((scope) -> scope.regions() != null).flatMap((scope) -> scope.regions().stream()))
			.contains("eu-west-1", "eu-central-1", "us-east-1", "ap-southeast-2");
		assertThat(catalog.envelopes().stream().flatMap((envelope) -> envelope.compliance().stream()))
			.contains("PCI-DSS-4.0.1", "SOC2", "ISO27001-2022", "NIS2", "GDPR", "EU-AI-ACT", "PCI-DSS-3.2.1");
		assertThat(catalog.envelopes().stream().flatMap((envelope) -> envelope.actions().stream()))
			.anyMatch(ActionClass::temporary);
		assertThat(catalog.envelopes()).anyMatch((envelope) -> envelope.bounds().maxOpenRules() != null);
	}

	@Test
	void shouldGiveEachEnvelopeItsOwnAgentsAndModelVersions() {
		List<String> agents = catalog.envelopes().stream().flatMap((envelope) -> envelope.agents().stream()).toList();
		List<String> models = catalog.envelopes()
			.stream()
			.flatMap((envelope) -> envelope.modelVersions().stream())
			.toList();
		assertThat(agents).doesNotHaveDuplicates();
		assertThat(models).doesNotHaveDuplicates();
	}

	@Test
	void shouldHaveExactlyOneEnvelopeOverdueByMoreThanTwiceItsCadenceAtTheEndOfQ3() {
		assertThat(catalog.envelopes().stream().filter((envelope) -> overdue(envelope, 2)).map(Envelope::id))
			.containsExactly("PA-EGRESS-PSP-012");
		assertThat(catalog.envelopes().stream().filter((envelope) -> overdue(envelope, 1)).map(Envelope::id))
			.containsExactly("PA-EGRESS-PSP-012");
	}

	@Test
	void shouldHaveExactlyOneEnvelopeThatExpiresDuringQ3() {
		assertThat(catalog.envelopes().stream().filter((envelope) -> envelope.expiresAt().isBefore(END_OF_2026_Q3)))
			.extracting(Envelope::id, (envelope) -> envelope.expiresAt().getMonthValue())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("NS-FW-THREATINTEL-031", 8));
	}

	@Test
	void shouldHaveExactlyOneEnvelopeWhoseApproverHasLeftByTheEndOfQ3() {
		java.time.Instant endOfQ3 = END_OF_2026_Q3.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusNanos(1);
		assertThat(catalog.envelopes()
			.stream()
			.filter((envelope) -> !catalog.directory().isActiveApprover(envelope.approval().approver(), endOfQ3)
					|| !catalog.directory().isActiveApprover(envelope.review().lastReviewedBy(), endOfQ3))
			.map(Envelope::id)).containsExactly("NS-ROUTE-DR-003");
	}

	@Test
	void shouldIncludeADormantBreakGlassEnvelope() {
		assertThat(catalog.envelope("NS-BREAKGLASS-INSPECT-001")).hasValueSatisfying((envelope) -> {
			assertThat(envelope.tier()).isEqualTo(4);
			assertThat(envelope.title()).containsIgnoringCase("break-glass");
		});
	}

	private static boolean overdue(Envelope envelope, int cadences) {
		return envelope.review()
			.lastReviewedAt()
			.plusDays((long) cadences * envelope.review().cadenceDays())
			.isBefore(END_OF_2026_Q3);
	}

}
