package org.envelopereview.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.pack.PackTestSupport;
import org.envelopereview.review.output.BoardReview;

/**
 * The example payments board review with many findings spread over its envelopes and
 * codes, and its findings files written, for the rendering benchmark.
 */
final class LargeBoardReview {

	private static final String[] ENVELOPES = { "PA-FAILOVER-007", "PA-DNS-012", "PA-MESH-003" };

	private static final FindingCode[] CODES = { FindingCode.OOS_CIDR, FindingCode.OOS_PORT, FindingCode.OOS_RATIONALE,
			FindingCode.OOS_NOT_REVERTED, FindingCode.OOS_REGION };

	private LargeBoardReview() {
	}

	static BoardReview of(int count, Path dir) throws IOException {
		BoardReview small = PackTestSupport.review(dir.resolve("render-out"));
		List<Finding> findings = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			FindingCode code = CODES[i % CODES.length];
			SortedMap<String, String> evidence = new TreeMap<>();
			evidence.put("rationale.signal", "failover event FE-2026-" + (i % 977));
			evidence.put("rationale.confidence", "0.9" + (i % 10));
			evidence.put("cidr", "10." + (i % 250) + ".0.0/16");
			findings.add(new Finding(code, code.defaultSeverity(), "payments-cab", false,
					ENVELOPES[i % ENVELOPES.length], String.format("a-%07d", i),
					code.code() + " on sg-0a1b" + (i % 4096) + ": cidr 10." + (i % 250)
							+ ".0.0/16 is outside 10.0.0.0/16 for security_group.ingress.add",
					evidence, List.of("PCI-DSS-4.0.1 1.2.2")));
		}
		BoardReview large = new BoardReview(small.board(), small.receivesUnassigned(), small.period(), small.runId(),
				small.runNumber(), small.envelopes(), findings, small.quarantined(), small.integrity(), small.inputs(),
				small.outputDir());
		writeFindingsFiles(large);
		return large;
	}

	private static void writeFindingsFiles(BoardReview review) throws IOException {
		try (BufferedWriter json = Files.newBufferedWriter(review.outputDir().resolve("findings.json"),
				StandardCharsets.UTF_8);
				BufferedWriter csv = Files.newBufferedWriter(review.outputDir().resolve("findings.csv"),
						StandardCharsets.UTF_8)) {
			json.write("[\n");
			csv.write("code,severity,envelope,action,explanation\n");
			for (int i = 0; i < review.findings().size(); i++) {
				Finding finding = review.findings().get(i);
				json.write("  {\"code\":\"" + finding.code().code() + "\",\"action\":\"" + finding.actionId() + "\"}"
						+ ((i + 1 < review.findings().size()) ? ",\n" : "\n"));
				csv.write(finding.code().code() + "," + finding.severity().label() + "," + finding.envelopeId() + ","
						+ finding.actionId() + ",\"" + finding.explanation().replace("\"", "\"\"") + "\"\n");
			}
			json.write("]\n");
		}
	}

}
