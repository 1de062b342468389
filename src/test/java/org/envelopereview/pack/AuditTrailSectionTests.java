package org.envelopereview.pack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.envelopereview.action.chain.IntegrityReport;
import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.Severity;
import org.envelopereview.review.output.BoardReview;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailSectionTests {

	private final BoardReview review = BoardReviewFixtures.paymentsReview(Path.of("unused"));

	@Test
	void shouldNotCallTheAuditTrailIntactWhenLoggingWasSuppressed() {
		List<Finding> findings = List
			.of(new Finding(FindingCode.LOG_SUPPRESSION, Severity.CRITICAL, "payments-cab", true, null, "ct-stop-1",
					"ct-stop-1 (trail/example-trail): logging.config.modify by tester", new TreeMap<>(), List.of()));

		Map<String, Object> parameters = section(findings, new IntegrityReport(10, List.of())).parameters();

		assertThat(parameters.get("STATUS")).asString()
			.startsWith("CHAIN INTACT, LOGGING SUPPRESSED — 10 rows checked and every agent's hash chain verifies, "
					+ "but logging was switched off or narrowed 1 time (LOG-SUPPRESSION)")
			.doesNotStartWith("INTACT");
		assertThat(parameters.get("STATUS_COLOR")).isNotEqualTo("#1E7B34");
	}

	@Test
	void shouldCallAnUnbrokenChainWithoutSuppressionIntact() {
		assertThat(section(List.of(), new IntegrityReport(10, List.of())).parameters().get("STATUS")).asString()
			.isEqualTo("INTACT — 10 rows checked; every agent's hash chain verifies");
	}

	@Test
	void shouldCallABrokenChainBrokenWhateverElseFired() {
		assertThat(section(this.review.findings(), this.review.integrity()).parameters().get("STATUS")).asString()
			.startsWith("BROKEN — 1 break in 48,213 rows checked");
	}

	private AuditTrailSection section(List<Finding> findings, IntegrityReport integrity) {
		BoardReview review = new BoardReview(this.review.board(), false, this.review.period(), 1, 1,
				this.review.envelopes(), findings, List.of(), integrity, List.of(), this.review.outputDir());
		return new AuditTrailSection(new ReviewFacts(review), Map.of());
	}

}
