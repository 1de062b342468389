package org.envelopereview.pack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.Severity;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.signing.SigningProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finding group's row shows all three of its examples: the PDF breaks each line where
 * the fill measured it, so the row is as tall as its text and the last example is not cut
 * off (it was, for the examples of {@link ManyFindings}' LOG-SUPPRESSION groups).
 */
class GroupExamplesTests {

	/** Action ids as some agents write them: long, with no space to break at. */
	static final List<String> ACTIONS = List.of("a-2026-07-19T11:02:17Z-failover-agent-eu-west-1-7f3c9e21b04d",
			"a-2026-08-02T04:40:51Z-failover-agent-eu-west-1-0c88d1e6a9f2",
			"a-2026-09-14T23:15:09Z-failover-agent-eu-west-1-d41d8cd98f00");

	/** Examples shaped like those whose third line the PDF used to cut off. */
	static final List<String> SUPPRESSIONS = List.of("a-0000038", "a-0000092", "a-0000146");

	private static String text;

	@BeforeAll
	static void writeAPackWithAGroupOfThreeLongActionIds() throws Exception {
		Path root = Files.createDirectories(Path.of("target", "example-packs", "group-examples"));
		BoardReview small = BoardReviewFixtures.paymentsReview(root.resolve("out/2026-Q3/payments-cab"));
		List<Finding> findings = new ArrayList<>(small.findings());
		for (int i = 0; i < ACTIONS.size(); i++) {
			String action = ACTIONS.get(i);
			TreeMap<String, String> evidence = new TreeMap<>();
			evidence.put("agent", "failover-agent");
			evidence.put("ports", "3389");
			evidence.put("occurredAt", Instant.parse(action.substring(2, 22)).toString());
			evidence.put("resource", BoardReviewFixtures.LONG_RESOURCE);
			findings
				.add(new Finding(FindingCode.OOS_PORT, Severity.HIGH, "payments-cab", false, "PA-FAILOVER-007", action,
						action + " (" + BoardReviewFixtures.LONG_RESOURCE + "): opened port 3389 — envelope "
								+ "PA-FAILOVER-007 allows only 443, 8443-8444 for security_group.ingress.add",
						evidence, List.of("PCI-DSS-4.0.1 1.2.2")));
		}
		for (int i = 0; i < SUPPRESSIONS.size(); i++) {
			String action = SUPPRESSIONS.get(i);
			TreeMap<String, String> evidence = new TreeMap<>();
			evidence.put("agent", "dns-agent");
			evidence.put("occurredAt", Instant.parse("2026-07-01T01:40:41Z").plusSeconds(8_000L * i).toString());
			findings.add(new Finding(FindingCode.LOG_SUPPRESSION, Severity.CRITICAL, "payments-cab", false,
					"PA-FAILOVER-007", action,
					action + " (vpc-flow-logs): logging.config.modify by dns-agent is not under a tier-4 change "
							+ "(tier 2 instead of tier 4)",
					evidence, List.of("PCI-DSS-4.0.1 1.2.2")));
		}
		BoardReview review = new BoardReview(small.board(), small.receivesUnassigned(), small.period(), small.runId(),
				small.runNumber(), small.envelopes(), findings, small.quarantined(), small.integrity(), small.inputs(),
				small.outputDir(), small.trail(), small.decisions());
		BoardReviewFixtures.writeFindingsFiles(review);
		Path pack = ExamplePacks.writer(root.resolve("data"), SigningProperties.developmentDefaults()).write(review);
		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
		}
	}

	@Test
	void shouldPrintEveryExampleOfAGroupWhereverTheGroupIsShown() {
		int shown = occurrences("3findingsbydns-agent,envelopePA-FAILOVER-007");
		assertThat(shown).as("tables showing the group").isGreaterThanOrEqualTo(2);
		for (String action : SUPPRESSIONS) {
			assertThat(occurrences("•" + action + "(2026-07-01")).as(action).isEqualTo(shown);
		}
	}

	@Test
	void shouldPrintExamplesWithLongActionIdsInFull() {
		int shown = occurrences("3findingsbyfailover-agent,port3389");
		assertThat(shown).as("tables showing the group").isGreaterThanOrEqualTo(2);
		for (String action : ACTIONS) {
			assertThat(occurrences("•" + action + "(2026-")).as(action).isEqualTo(shown);
		}
	}

	private static int occurrences(String value) {
		int count = 0;
		for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
			count++;
		}
		return count;
	}

}
