package org.envelopereview.pack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCatalogue;
import org.envelopereview.finding.FindingCatalogue.Control;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.Severity;

import static org.assertj.core.api.Assertions.assertThat;

class AppendixSectionTests {

	@Test
	void shouldListEveryCatalogueControlOnceInCatalogueOrder() {
		List<Map<String, ?>> rows = AppendixSection
			.controlMapping(BoardReviewFixtures.paymentsReview(Path.of("unused")).findings());
		List<Object> controls = rows.stream().map((row) -> (Object) row.get("control")).toList();
		assertThat(controls)
			.containsExactlyElementsOf(FindingCatalogue.shipped().controls().stream().map(Control::ref).toList());
	}

	@Test
	void shouldNameTheCodesOfThePeriodAndTheFrameworkAndTitleOfEachControl() {
		List<Map<String, ?>> rows = AppendixSection.controlMapping(List.of(finding(FindingCode.OOS_REGION),
				finding(FindingCode.OOS_AGENT), finding(FindingCode.OOS_REGION)));
		assertThat(row(rows, "GDPR Art.44-46")).containsEntry("codes", "OOS-REGION")
			.containsEntry("meaning", "Regulation (EU) 2016/679 (GDPR) — Transfers of personal data to third countries "
					+ "subject to appropriate safeguards");
		assertThat(row(rows, "EU-AI-ACT Art.14")).containsEntry("codes", "OOS-AGENT");
		assertThat(row(rows, "SOC2 CC8.1")).containsEntry("codes", "OOS-AGENT, OOS-REGION");
		assertThat(row(rows, "PCI-DSS-4.0.1 10.2")).containsEntry("codes", "none this period");
	}

	@Test
	void shouldStillShowAControlTheCatalogueDoesNotKnowAfterTheOthers() {
		Finding finding = new Finding(FindingCode.OOS_PORT, Severity.HIGH, "payments-cab", false, "PA-1", "a-1",
				"ports", new TreeMap<>(), List.of("SOC2 CC8.1", "SOC2 CC9.9"));
		List<Map<String, ?>> rows = AppendixSection.controlMapping(List.of(finding));
		assertThat(new HashMap<String, Object>(rows.get(rows.size() - 1))).containsEntry("control", "SOC2 CC9.9")
			.containsEntry("meaning", "")
			.containsEntry("codes", "OOS-PORT");
	}

	private static Finding finding(FindingCode code) {
		return new Finding(code, code.defaultSeverity(), "payments-cab", false, "PA-1", "a-1", code.code(),
				new TreeMap<>(), FindingCatalogue.shipped().controlsFor(code));
	}

	private static Map<String, Object> row(List<Map<String, ?>> rows, String control) {
		return new HashMap<>(
				rows.stream().filter((row) -> row.get("control").equals(control)).findFirst().orElseThrow());
	}

}
