package org.envelopereview.pack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.signing.SigningProperties;
import org.envelopereview.support.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A pack of twenty thousand findings renders through the swap-file virtualizer. */
@SlowTest
class LargePackTests {

	private static final int FINDINGS = 20_000;

	@Test
	void shouldRenderAndSignAPackOfTwentyThousandFindings(@TempDir Path directory) throws Exception {
		BoardReview small = BoardReviewFixtures.paymentsReview(directory.resolve("out"));
		BoardReview large = new BoardReview(small.board(), small.receivesUnassigned(), small.period(), small.runId(),
				small.runNumber(), small.envelopes(), manyFindings(), small.quarantined(), small.integrity(),
				small.inputs(), small.outputDir());
		BoardReviewFixtures.writeFindingsFiles(large);

		Path pack = ExamplePacks.writer(directory.resolve("data"), SigningProperties.developmentDefaults())
			.write(large);

		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			// every finding appears in its envelope section and in the register
			assertThat(document.getNumberOfPages()).isBetween(FINDINGS / 40, FINDINGS / 5);
		}
		assertThat(new PackVerifier().verify(pack, null).passed()).isTrue();
	}

	private static List<Finding> manyFindings() {
		String[] envelopes = { "PA-FAILOVER-007", "PA-DNS-012", "PA-MESH-003" };
		FindingCode[] codes = { FindingCode.OOS_CIDR, FindingCode.OOS_PORT, FindingCode.OOS_RATIONALE,
				FindingCode.OOS_NOT_REVERTED, FindingCode.OOS_REGION };
		List<Finding> findings = new ArrayList<>(FINDINGS);
		for (int i = 0; i < FINDINGS; i++) {
			FindingCode code = codes[i % codes.length];
			Map<String, String> evidence = new TreeMap<>();
			evidence.put("rationale.signal", "failover event FE-2026-" + (i % 977));
			evidence.put("rationale.confidence", "0.9" + (i % 10));
			evidence.put("cidr", "10." + (i % 250) + ".0.0/16");
			findings.add(new Finding(code, code.defaultSeverity(), "payments-cab", false,
					envelopes[i % envelopes.length], String.format("a-%07d", i),
					code.code() + " on sg-0a1b" + (i % 4096) + ": cidr 10." + (i % 250)
							+ ".0.0/16 is outside 10.0.0.0/16 for security_group.ingress.add",
					new TreeMap<>(evidence), List.of("PCI-DSS-4.0.1 1.2.2")));
		}
		return findings;
	}

}
