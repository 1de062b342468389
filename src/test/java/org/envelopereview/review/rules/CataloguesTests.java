package org.envelopereview.review.rules;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.envelopereview.finding.ControlCatalogue;
import org.envelopereview.finding.FindingCode;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CataloguesTests {

	@Test
	void shouldMapEveryFindingCodeToDeclaredControlsWithTitles() {
		ControlCatalogue catalogue = new ControlCatalogue();
		for (FindingCode code : FindingCode.values()) {
			assertThat(catalogue.controlsFor(code)).as(code.code()).isNotEmpty();
			catalogue.controlsFor(code)
				.forEach((ref) -> assertThat(catalogue.control(ref))
					.hasValueSatisfying((control) -> assertThat(control.title()).isNotBlank()));
		}
		assertThat(catalogue.controlsFor(FindingCode.OOS_REGION)).contains("GDPR Art.44-46");
		assertThat(catalogue.controlsFor(FindingCode.LOG_CHAIN_BROKEN)).contains("PCI-DSS-4.0.1 10.2",
				"ISO27001-2022 A.8.15");
	}

	@Test
	void shouldRejectACatalogueCitingAnUndeclaredControl() {
		ByteArrayResource broken = new ByteArrayResource("""
				controls:
				  - {ref: SOC2 CC8.1, framework: SOC 2, title: Change management}
				findings:
				  OOS-PORT: [SOC2 CC8.2]
				""".getBytes(), "broken controls.yaml");
		assertThatIllegalStateException().isThrownBy(() -> new ControlCatalogue(broken))
			.withMessageContaining("findings.OOS-PORT")
			.withMessageContaining("SOC2 CC8.2");
	}

	@Test
	void shouldRejectACatalogueMissingAFindingCode() {
		ByteArrayResource partial = new ByteArrayResource("""
				controls:
				  - {ref: SOC2 CC8.1, framework: SOC 2, title: Change management}
				findings:
				  OOS-PORT: [SOC2 CC8.1]
				""".getBytes(), "partial controls.yaml");
		assertThatIllegalStateException().isThrownBy(() -> new ControlCatalogue(partial))
			.withMessageContaining("no control references for");
	}

	@Test
	void shouldTreatARetirementDateAsTheLastDayInForce() {
		ComplianceRetirements.Retirement pci321 = new ComplianceRetirements().retirement("PCI-DSS-3.2.1").orElseThrow();
		assertThat(pci321.supersededBy()).isEqualTo("PCI-DSS-4.0.1");
		assertThat(pci321.retiredAt(Instant.parse("2024-03-31T23:59:59Z"))).isFalse();
		assertThat(pci321.retiredAt(Instant.parse("2024-04-01T00:00:00Z"))).isTrue();
		assertThat(new ComplianceRetirements().retirement("PCI-DSS-4.0.1")).isEmpty();
	}

}
