package org.envelopereview.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.envelopereview.finding.Finding;
import org.envelopereview.pack.ManyFindings;
import org.envelopereview.pack.PackTestSupport;
import org.envelopereview.review.output.BoardReview;

/**
 * The example payments board review with many findings spread over its envelopes and
 * codes, and its findings files written, for the rendering benchmark.
 */
final class LargeBoardReview {

	private LargeBoardReview() {
	}

	static BoardReview of(int count, Path dir) throws IOException {
		BoardReview small = PackTestSupport.review(dir.resolve("render-out"));
		List<Finding> findings = ManyFindings.of(count);
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
