package org.envelopereview.pack;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example pack shows each envelope's recommendation at the end of its section and the
 * ones to act on as a table on the decisions page (SPEC §9).
 */
class RecommendationPackTests {

	private static String text;

	@BeforeAll
	static void readTheExamplePack() throws IOException {
		try (PDDocument document = Loader.loadPDF(ExamplePacks.developmentPack().toFile())) {
			text = compact(new PDFTextStripper().getText(document));
		}
	}

	@Test
	void shouldEndTheSectionOfAnEnvelopeToNarrowWithTheValuesNeverUsedAndTheNarrowedEnvelope() {
		String section = text.substring(text.lastIndexOf(compact("PA-FAILOVER-007 — Regional failover")), text
			.indexOf(compact("PA-DNS-012 —"), text.lastIndexOf(compact("PA-FAILOVER-007 — Regional failover"))));
		assertThat(section).contains(compact("Recommendation"))
			.contains("NARROW")
			.contains(compact("Suggested answer: revise — approve the narrower envelope"))
			.contains(compact("• CIDR 10.0.128.0/17 never used since 2025-Q3"))
			.contains(compact("• port 8444 never used since 2025-Q3"))
			.contains(compact("cidrs 10.0.0.0/16 → 10.0.0.0/17"))
			.contains(compact("Look-back: 2025-07-01 to 2026-09-30 (since 2025-Q3"));
	}

	@Test
	void shouldListTheEnvelopesToNarrowOrRetireOnTheDecisionsPageAndCountTheRest() {
		String decisions = text.substring(text.lastIndexOf(compact("Decisions requested")),
				text.lastIndexOf(compact("Acknowledgement of this review")));
		assertThat(decisions).contains(compact("The review proposes to narrow or retire 3 envelope(s); 0 to keep"))
			.contains(compact("PA-FAILOVER-007NARROW"))
			.contains(compact("PA-DNS-012RETIRE"))
			.contains(compact("PA-MESH-003RETIRE"))
			.contains(compact("no action under it in 2026-Q2, 2026-Q3: dormant for 2 consecutive periods"));
	}

	@Test
	void shouldGiveEveryReasonToRetire() {
		assertThat(text).contains(compact("RETIRESuggested answer: retire"))
			.contains(compact("• expired 2026-08-31, 30 days before the period end (ENV-EXPIRED)"))
			.contains(compact("and no active approver has re-approved it since (ENV-APPROVER-INACTIVE)"));
	}

	private static String compact(String value) {
		return value.replaceAll("\\s+", "");
	}

}
