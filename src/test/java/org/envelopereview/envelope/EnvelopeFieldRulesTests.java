package org.envelopereview.envelope;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.envelope.EnvelopeDirectoryFixture.ENVELOPE;
import static org.envelopereview.envelope.EnvelopeDirectoryFixture.replace;

/**
 * The validation rules of one envelope file, each with a case that fires and a near miss.
 */
class EnvelopeFieldRulesTests {

	private static final String ACTION = "  - type: security_group.ingress.add\n";

	@TempDir
	Path directory;

	private EnvelopeDirectoryFixture fixture;

	@BeforeEach
	void createFixture() {
		this.fixture = new EnvelopeDirectoryFixture(this.directory);
	}

	@Test
	void shouldLoadAMinimalEnvelopeWithTheDocumentedDefaults() {
		// when
		EnvelopeCatalog catalog = this.fixture.loadEnvelope(ENVELOPE);
		// then
		assertThat(catalog.problems()).isEmpty();
		Envelope envelope = catalog.envelope("PA-TEST-001").orElseThrow();
		assertThat(envelope.sourceFile()).isEqualTo("pa-test-001.yaml");
		assertThat(envelope.compliance()).isEmpty();
		assertThat(envelope.modelVersions()).isNull();
		assertThat(envelope.minConfidence()).isNull();
		assertThat(envelope.bounds()).isEqualTo(Envelope.Bounds.NONE);
		assertThat(envelope.rationale()).isEqualTo(Envelope.RationalePolicy.REQUIRED);
		ActionClass action = envelope.actions().get(0);
		assertThat(action.tier()).isEqualTo(2);
		assertThat(action.temporary()).isFalse();
		assertThat(action.scope().resources()).isNull();
		assertThat(action.scope().cidrs()).extracting(Object::toString).containsExactly("10.0.0.0/16");
		assertThat(action.scope().ports()).containsExactly(new PortRange(443, 443));
	}

	@Test
	void shouldReadRationaleOptionalAndRejectAnyOtherWordWithFileLineAndField() {
		// when
		EnvelopeCatalog optional = new EnvelopeDirectoryFixture(this.directory).loadEnvelope(
				replace(ENVELOPE, "agents: [failover-agent]\n", "agents: [failover-agent]\nrationale: optional\n"));
		EnvelopeCatalog misspelt = this.fixture.loadEnvelope(
				replace(ENVELOPE, "agents: [failover-agent]\n", "agents: [failover-agent]\nrationale: none\n"));
		// then
		assertThat(optional.problems()).isEmpty();
		assertThat(optional.envelopes().get(0).rationale()).isEqualTo(Envelope.RationalePolicy.OPTIONAL);
		assertThat(optional.envelopes().get(0).rationaleRequired()).isFalse();
		assertThat(this.fixture.problems(misspelt)).containsExactly(
				"pa-test-001.yaml:11: rationale: 'none' is not a rationale policy: use required or optional");
	}

	@Test
	void shouldGiveAnActionClassItsOwnTierOverTheEnvelopeTier() {
		// when
		EnvelopeCatalog catalog = this.fixture.loadEnvelope(replace(ENVELOPE, ACTION, ACTION + "    tier: 3\n"));
		// then
		assertThat(catalog.envelopes().get(0).actions().get(0).tier()).isEqualTo(3);
	}

	@Test
	void shouldTreatAnOmittedDimensionAsUnconstrainedAndAnEmptyListAsAllowingNothing() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.loadEnvelope(replace(ENVELOPE, "      ports: [\"443\"]\n", "      ports: []\n"));
		// then
		Scope scope = catalog.envelopes().get(0).actions().get(0).scope();
		assertThat(scope.ports()).isEmpty();
		assertThat(scope.protocols()).isNull();
	}

	@Test
	void shouldRejectADimensionWrittenWithNoValueRatherThanGuessWhatWasMeant() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.loadEnvelope(replace(ENVELOPE, "      ports: [\"443\"]\n", "      ports:\n"));
		// then
		assertThat(this.fixture.problems(catalog))
			.containsExactly("pa-test-001.yaml:15: actions[0].scope.ports: expected a list, got no value");
	}

	@Test
	void shouldAllowInspectionBypassAndLoggingChangesOnlyAtTierFour() {
		// when
		EnvelopeCatalog stated = this.fixture
			.loadEnvelope(replace(ENVELOPE, ACTION, "  - type: inspection.bypass\n    tier: 3\n" + ACTION));
		// then
		assertThat(this.fixture.problems(stated)).containsExactly(
				"pa-test-001.yaml:13: actions[0].tier: inspection.bypass may only be authorized at tier 4 (full change management), not tier 3");
	}

	@Test
	void shouldReportATierFourOnlyTypeAtItsTypeWhenTheTierIsInherited() {
		// when
		EnvelopeCatalog inherited = this.fixture
			.loadEnvelope(replace(ENVELOPE, ACTION, "  - type: logging.config.modify\n" + ACTION));
		// then
		assertThat(this.fixture.problems(inherited)).containsExactly(
				"pa-test-001.yaml:12: actions[0].type: logging.config.modify may only be authorized at tier 4 (full change management), not tier 2");
	}

	@Test
	void shouldAcceptInspectionBypassAtTierFour() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.loadEnvelope(replace(ENVELOPE, ACTION, "  - type: inspection.bypass\n    tier: 4\n" + ACTION));
		// then
		assertThat(catalog.problems()).isEmpty();
		assertThat(catalog.envelopes().get(0).actions()).extracting(ActionClass::type, ActionClass::tier)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("inspection.bypass", 4),
					org.assertj.core.groups.Tuple.tuple("security_group.ingress.add", 2));
	}

	@Test
	void shouldRejectAnUnsupportedApiVersion() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.loadEnvelope(replace(ENVELOPE, "envelope-review/v1", "envelope-review/v2"));
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"pa-test-001.yaml:1: apiVersion: unsupported apiVersion 'envelope-review/v2'; expected envelope-review/v1");
	}

	@Test
	void shouldRejectAnIdThatIsNotUpperCase() {
		// when
		EnvelopeCatalog catalog = this.fixture.loadEnvelope(replace(ENVELOPE, "id: PA-TEST-001", "id: pa-test-001"));
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"pa-test-001.yaml:2: id: 'pa-test-001' is not an envelope id: use upper-case letters, digits and '-' (e.g. PA-FAILOVER-007)");
	}

	@Test
	void shouldRequireEveryMandatoryFieldAndNameIt() {
		// when
		EnvelopeCatalog catalog = this.fixture.loadEnvelope(replace(ENVELOPE, "title: Test envelope\n", ""));
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly("pa-test-001.yaml: title: is required");
		assertThat(catalog.files()).filteredOn((file) -> file.fileName().equals("pa-test-001.yaml"))
			.singleElement()
			.satisfies((file) -> {
				assertThat(file.valid()).isFalse();
				assertThat(file.envelopeId()).isEqualTo("PA-TEST-001");
				assertThat(file.boardId()).isEqualTo("payments-cab");
			});
	}

	@Test
	void shouldRejectARepeatedField() {
		// when
		EnvelopeCatalog catalog = this.fixture.loadEnvelope(replace(ENVELOPE, "tier: 2\n", "tier: 2\ntier: 3\n"));
		// then
		assertThat(this.fixture.problems(catalog))
			.containsExactly("pa-test-001.yaml:7: tier: repeated field (first given at line 6)");
	}

	@Test
	void shouldRejectANonCanonicalActionTypeAndSuggestTheCanonicalSpelling() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.loadEnvelope(replace(ENVELOPE, "security_group.ingress.add", "Security_Group.Ingress.Add"));
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"pa-test-001.yaml:12: actions[0].type: 'Security_Group.Ingress.Add' is not a canonical action type; did you mean security_group.ingress.add?");
	}

	@Test
	void shouldRejectAnEnvelopeThatAuthorizesNothing() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.loadEnvelope(ENVELOPE.substring(0, ENVELOPE.indexOf("actions:")) + "actions: []\n");
		// then
		assertThat(this.fixture.problems(catalog))
			.containsExactly("pa-test-001.yaml:11: actions: must authorize at least one action class");
	}

	@Test
	void shouldReadPrincipalsAsRoleArnsEmailsAndBareNames() {
		// when
		EnvelopeCatalog catalog = this.fixture.loadEnvelope(replace(ENVELOPE, "agents: [failover-agent]\n",
				"agents: [failover-agent]\nprincipals: [\"arn:aws:iam::*:role/failover-agent\", bert-jan,"
						+ " sa-router@proj.iam.gserviceaccount.com]\n"));
		// then
		assertThat(catalog.problems()).isEmpty();
		assertThat(catalog.envelopes().get(0).principals()).containsExactly("arn:aws:iam::*:role/failover-agent",
				"bert-jan", "sa-router@proj.iam.gserviceaccount.com");
		assertThat(this.fixture.loadEnvelope(ENVELOPE).envelopes().get(0).principals()).as("omitted").isNull();
	}

	@Test
	void shouldRejectAPrincipalPatternWithCharactersNoPrincipalHas() {
		// when
		EnvelopeCatalog catalog = this.fixture.loadEnvelope(replace(ENVELOPE, "agents: [failover-agent]\n",
				"agents: [failover-agent]\nprincipals: [\"arn:aws:iam::*:role/failover agent\"]\n"));
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"pa-test-001.yaml:11: principals[0]: 'arn:aws:iam::*:role/failover agent' is not a principal pattern:"
						+ " write a role or user ARN (arn:aws:iam::*:role/failover-agent), a service-account email or"
						+ " a role or user name, with the wildcards * and ?");
	}

	@Test
	void shouldRejectAConfidenceAboveOneButAcceptExactlyOne() {
		// when
		EnvelopeCatalog above = this.fixture.loadEnvelope(
				replace(ENVELOPE, "agents: [failover-agent]\n", "agents: [failover-agent]\nminConfidence: 1.5\n"));
		EnvelopeCatalog one = new EnvelopeDirectoryFixture(this.directory).loadEnvelope(
				replace(ENVELOPE, "agents: [failover-agent]\n", "agents: [failover-agent]\nminConfidence: 1\n"));
		// then
		assertThat(this.fixture.problems(above))
			.containsExactly("pa-test-001.yaml:11: minConfidence: 1.5 is out of range: must be 0.0 to 1.0");
		assertThat(one.problems()).isEmpty();
		assertThat(one.envelopes().get(0).minConfidence()).isEqualTo(1.0);
	}

	@Test
	void shouldRejectAZeroCadenceAndZeroBounds() {
		// when
		EnvelopeCatalog catalog = this.fixture.loadEnvelope(replace(ENVELOPE, "cadenceDays: 90", "cadenceDays: 0")
				+ "bounds: {maxActionsPerPeriod: 0, maxOpenRules: 1}\n");
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"pa-test-001.yaml:8: review.cadenceDays: 0 is out of range: must be at least 1",
				"pa-test-001.yaml:16: bounds.maxActionsPerPeriod: 0 is out of range: must be at least 1");
	}

	@Test
	void shouldRequireAPositiveIsoDurationForATemporaryClass() {
		// when
		EnvelopeCatalog zero = this.fixture.loadEnvelope(ENVELOPE + "    temporary: {maxDuration: PT0S}\n");
		EnvelopeCatalog day = new EnvelopeDirectoryFixture(this.directory)
			.loadEnvelope(ENVELOPE + "    temporary: {maxDuration: P1D}\n");
		// then
		assertThat(this.fixture.problems(zero)).containsExactly(
				"pa-test-001.yaml:16: actions[0].temporary.maxDuration: 'PT0S' must be a positive duration");
		assertThat(day.envelopes().get(0).actions().get(0).maxDuration()).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void shouldRejectAReviewBeforeTheApprovalAndAnExpiryNotAfterIt() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.loadEnvelope(replace(replace(ENVELOPE, "lastReviewedAt: 2026-08-12", "lastReviewedAt: 2025-05-01"),
					"expiresAt: 2027-05-02", "expiresAt: 2025-05-02"));
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"pa-test-001.yaml:8: review.lastReviewedAt: lastReviewedAt 2025-05-01 is before approval.approvedAt 2025-05-02 (a new envelope's first review is its approval)",
				"pa-test-001.yaml:9: expiresAt: expiresAt 2025-05-02 is not after approval.approvedAt 2025-05-02");
	}

	@Test
	void shouldAcceptAnApproverWhoHasSinceLeftTheDirectory() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.loadEnvelope(replace(ENVELOPE, "approver: jmin@example.com, approvedAt: 2025-05-02",
					"approver: OLD@example.com, approvedAt: 2025-05-02"));
		// then
		assertThat(catalog.problems()).isEmpty();
		assertThat(catalog.envelopes().get(0).approval().approver()).isEqualTo("OLD@example.com");
	}

	@Test
	void shouldRejectAnApproverThatIsNotAnEmailAddress() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.loadEnvelope(replace(ENVELOPE, "approver: jmin@example.com", "approver: jmin"));
		// then
		assertThat(this.fixture.problems(catalog))
			.containsExactly("pa-test-001.yaml:7: approval.approver: 'jmin' is not an email address");
	}

	@Test
	void shouldRejectScopeValuesThatBreakTheirSyntax() {
		// when
		EnvelopeCatalog catalog = this.fixture.loadEnvelope(
				ENVELOPE + """
						      protocols: [TCP, sctp]
						      regions: [eu_west_1, us-gov-west-1, europe-west1]
						      resources: ["sg-[0-9]*", "sg-0a1b*", "arn:aws:elasticloadbalancing:*:123456789012:listener/app/x-?"]
						""");
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"pa-test-001.yaml:16: actions[0].scope.protocols[0]: 'TCP' is not a protocol; write it in lower case: tcp",
				"pa-test-001.yaml:16: actions[0].scope.protocols[1]: 'sctp' is not a protocol; allowed: tcp, udp, icmp, icmpv6, all",
				"pa-test-001.yaml:17: actions[0].scope.regions[0]: 'eu_west_1' is not a region (e.g. eu-west-1, europe-west1, westeurope)",
				"pa-test-001.yaml:18: actions[0].scope.resources[0]: 'sg-[0-9]*' is not a valid pattern: use letters, digits, . _ : / @ + = , - and the wildcards * and ?");
	}

	@Test
	void shouldAcceptGoogleCloudAndAzureRegionsAndSuggestTheNameOfOneWrittenAsTheyDisplayIt() {
		// when
		EnvelopeCatalog catalog = this.fixture.loadEnvelope(ENVELOPE + """
				      regions: [europe-west1, westeurope, global, West Europe]
				""");
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"pa-test-001.yaml:16: actions[0].scope.regions[3]: 'West Europe' is not a region (e.g. eu-west-1, europe-west1, westeurope); did you mean westeurope?");
	}

	@Test
	void shouldAcceptIpv6PrefixesAndPortsAtTheEdgesOfTheRange() {
		// when
		EnvelopeCatalog catalog = this.fixture.loadEnvelope(replace(
				replace(ENVELOPE, "[\"10.0.0.0/16\"]",
						"[\"10.0.0.0/16\", \"2001:db8::/32\", \"0.0.0.0/0\", \"10.1.2.3/32\"]"),
				"[\"443\"]", "[0, 65535, \"1-65535\", 443]"));
		// then
		assertThat(catalog.problems()).isEmpty();
		Scope scope = catalog.envelopes().get(0).actions().get(0).scope();
		assertThat(scope.cidrs()).extracting(Object::toString)
			.containsExactly("10.0.0.0/16", "2001:db8::/32", "0.0.0.0/0", "10.1.2.3/32");
		assertThat(scope.ports()).containsExactly(new PortRange(0, 0), new PortRange(65535, 65535),
				new PortRange(1, 65535), new PortRange(443, 443));
	}

	@Test
	void shouldRejectAnAddressWithoutAPrefixLengthAndAPortJustAboveTheRange() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.loadEnvelope(replace(replace(ENVELOPE, "[\"10.0.0.0/16\"]", "[\"10.0.0.5\", \"10.0.0.0/8/8\"]"),
					"[\"443\"]", "[\"65536\", \"443-\"]"));
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"pa-test-001.yaml:14: actions[0].scope.cidrs[0]: '10.0.0.5' is not a CIDR: it has no prefix length (write e.g. 10.0.0.5/32)",
				"pa-test-001.yaml:14: actions[0].scope.cidrs[1]: '10.0.0.0/8/8' is not a CIDR",
				"pa-test-001.yaml:15: actions[0].scope.ports[0]: '65536' is not a port or port range: ports are 0 to 65535",
				"pa-test-001.yaml:15: actions[0].scope.ports[1]: '443-' is not a port or port range (N or A-B, 0 to 65535)");
	}

}
