package org.envelopereview.finding;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.envelopereview.finding.FindingCatalogue.Control;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FindingCatalogueTests {

	private static final String CONTROLS = """
			controls:
			  - {ref: SOC2 CC8.1, framework: SOC 2, title: Change management}
			""";

	@Test
	void shouldGiveEveryFindingCodeOneEntryWithSeverityMeaningAndDeclaredControls() {
		FindingCatalogue catalogue = FindingCatalogue.shipped();
		List<String> declared = catalogue.controls().stream().map(Control::ref).toList();
		for (FindingCode code : FindingCode.values()) {
			FindingCatalogue.Entry entry = catalogue.entry(code);
			assertThat(entry).as(code.code()).isNotNull();
			assertThat(entry.code()).isEqualTo(code);
			assertThat(entry.severity()).as(code.code()).isNotNull().isEqualTo(code.defaultSeverity());
			assertThat(entry.meaning()).as(code.code()).isNotBlank();
			assertThat(entry.controls()).as(code.code()).isNotEmpty().isSubsetOf(declared).doesNotHaveDuplicates();
		}
		assertThat(declared).doesNotHaveDuplicates();
		catalogue.controls().forEach((control) -> assertThat(control.title()).as(control.ref()).isNotBlank());
	}

	@Test
	void shouldKeepTheControlReferencesFindingsJsonCarries() {
		FindingCatalogue catalogue = FindingCatalogue.shipped();
		assertThat(catalogue.controlsFor(FindingCode.OOS_REGION)).contains("GDPR Art.44-46");
		assertThat(catalogue.controlsFor(FindingCode.LOG_CHAIN_BROKEN)).containsExactly("PCI-DSS-4.0.1 10.2",
				"ISO27001-2022 A.8.15", "NIS2 Art.21(2)");
		assertThat(catalogue.controlsFor(FindingCode.ENV_REVIEW_OVERDUE)).contains("EU-AI-ACT Art.14");
		assertThat(catalogue.control("ISO27001-2022 A.8.32")).map(Control::title).hasValue("Change management");
	}

	@Test
	void shouldGiveTheSeveritiesAndMeaningsOfSpec() {
		FindingCatalogue catalogue = FindingCatalogue.shipped();
		assertThat(FindingCode.LOG_SUPPRESSION.defaultSeverity()).isEqualTo(Severity.CRITICAL);
		assertThat(FindingCode.ENV_DORMANT.defaultSeverity()).isEqualTo(Severity.LOW);
		assertThat(catalogue.entry(FindingCode.OOS_UNAPPROVED).meaning())
			.isEqualTo("tier-3 action without approval ref, or approver not active");
	}

	@Test
	void shouldRejectACatalogueCitingAnUndeclaredControl() {
		String broken = """
				findings:
				  - {code: OOS-PORT, severity: high, meaning: ports, controls: [SOC2 CC8.2]}
				""";
		assertThatIllegalStateException().isThrownBy(() -> withControls(broken))
			.withMessageContaining("findings.OOS-PORT")
			.withMessageContaining("SOC2 CC8.2");
	}

	@Test
	void shouldRejectACatalogueMissingAFindingCode() {
		String partial = """
				findings:
				  - {code: OOS-PORT, severity: high, meaning: ports, controls: [SOC2 CC8.1]}
				""";
		assertThatIllegalStateException().isThrownBy(() -> withControls(partial)).withMessageContaining("no entry for");
	}

	@Test
	void shouldRejectACatalogueListingACodeTwice() {
		String twice = """
				findings:
				  - {code: OOS-PORT, severity: high, meaning: ports, controls: [SOC2 CC8.1]}
				  - {code: OOS-PORT, severity: low, meaning: ports again, controls: [SOC2 CC8.1]}
				""";
		assertThatIllegalStateException().isThrownBy(() -> withControls(twice))
			.withMessageContaining("findings.OOS-PORT is listed twice");
	}

	@Test
	void shouldRejectAnUnknownCodeOrSeverity() {
		String unknownCode = """
				findings:
				  - {code: OOS-COLOUR, severity: high, meaning: colour, controls: [SOC2 CC8.1]}
				""";
		assertThatIllegalStateException().isThrownBy(() -> withControls(unknownCode))
			.withMessageContaining("findings.OOS-COLOUR: no such finding code");
		String unknownSeverity = """
				findings:
				  - {code: OOS-PORT, severity: urgent, meaning: ports, controls: [SOC2 CC8.1]}
				""";
		assertThatIllegalStateException().isThrownBy(() -> withControls(unknownSeverity))
			.withMessageContaining("findings.OOS-PORT: no such severity 'urgent'");
	}

	/** A catalogue of the test's controls and the given findings section. */
	private static FindingCatalogue withControls(String findings) {
		return new FindingCatalogue(new ByteArrayResource((CONTROLS + findings).getBytes(), "findings.yaml"));
	}

}
