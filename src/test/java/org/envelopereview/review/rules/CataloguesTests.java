package org.envelopereview.review.rules;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CataloguesTests {

	@Test
	void shouldTreatARetirementDateAsTheLastDayInForce() {
		ComplianceRetirements.Retirement pci321 = new ComplianceRetirements().retirement("PCI-DSS-3.2.1").orElseThrow();
		assertThat(pci321.supersededBy()).isEqualTo("PCI-DSS-4.0.1");
		assertThat(pci321.retiredAt(Instant.parse("2024-03-31T23:59:59Z"))).isFalse();
		assertThat(pci321.retiredAt(Instant.parse("2024-04-01T00:00:00Z"))).isTrue();
		assertThat(new ComplianceRetirements().retirement("PCI-DSS-4.0.1")).isEmpty();
	}

}
