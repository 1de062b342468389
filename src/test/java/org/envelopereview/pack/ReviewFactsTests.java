package org.envelopereview.pack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.envelopereview.action.chain.IntegrityReport;
import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.Severity;
import org.envelopereview.review.output.BoardReview;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewFactsTests {

	private final BoardReview review = BoardReviewFixtures.paymentsReview(Path.of("unused"));

	@Test
	void shouldRequestADecisionOnAnEnvelopeWithAnEnvelopeLevelFinding() {
		ReviewFacts facts = new ReviewFacts(this.review);

		assertThat(facts.decisionReasons("PA-MESH-003")).extracting(Finding::code)
			.containsExactly(FindingCode.ENV_DORMANT);
	}

	@Test
	void shouldNotRequestADecisionOnAnEnvelopeWithOnlyOutOfScopeActions() {
		List<Finding> findings = new ArrayList<>(this.review.findings());
		findings.removeIf((finding) -> "PA-MESH-003".equals(finding.envelopeId()));
		findings.add(new Finding(FindingCode.OOS_TIER4_NO_CHANGE, Severity.CRITICAL, "payments-cab", false,
				"PA-MESH-003", "a-005001", "tier-4 mesh.mtls.modify without change ref", new TreeMap<>(), List.of()));
		ReviewFacts facts = new ReviewFacts(withFindings(findings));

		assertThat(facts.decisionReasons("PA-MESH-003")).isEmpty();
		assertThat(facts.headline()).contains("3 of 4 envelopes need a decision");
	}

	@Test
	void shouldSummarizeTheReviewInOneHeadline() {
		String headline = new ReviewFacts(this.review).headline();

		assertThat(headline).isEqualTo("30 findings in 2026-Q3: 8 critical, 17 high, 4 medium, 1 low. "
				+ "4 of 4 envelopes need a decision; 17 actions were flagged; the audit trail has 1 chain break; "
				+ "2 input records were quarantined. 18 provider write events no rule covers were not reviewed; "
				+ "1 source was withdrawn from review since the last review.");
	}

	@Test
	void shouldSayNothingOfWritesNotReviewedOrWithdrawalsWhenThereAreNone() {
		assertThat(new ReviewFacts(withFindings(this.review.findings())).headline()).endsWith("were quarantined.")
			.doesNotContain("not reviewed")
			.doesNotContain("withdrawn");
	}

	@Test
	void shouldCallTheAuditTrailIntactWhenNoChainBreaks() {
		BoardReview intact = new BoardReview(this.review.board(), false, this.review.period(), 1, 1,
				this.review.envelopes(), List.of(), List.of(), new IntegrityReport(10, List.of()), List.of(),
				this.review.outputDir());

		assertThat(new ReviewFacts(intact).headline()).contains("0 findings").contains("the audit trail is intact");
	}

	@Test
	void shouldNotCallTheAuditTrailIntactWhenLoggingWasSuppressed() {
		List<Finding> findings = List
			.of(new Finding(FindingCode.LOG_SUPPRESSION, Severity.CRITICAL, "payments-cab", true, null, "ct-stop-1",
					"ct-stop-1 (trail/example-trail): logging.config.modify by tester", new TreeMap<>(), List.of()));
		BoardReview suppressed = new BoardReview(this.review.board(), false, this.review.period(), 1, 1,
				this.review.envelopes(), findings, List.of(), new IntegrityReport(10, List.of()), List.of(),
				this.review.outputDir());

		assertThat(new ReviewFacts(suppressed).headline()).doesNotContain("intact")
			.contains("the audit trail verifies, but logging was switched off or narrowed 1 time (LOG-SUPPRESSION)");
	}

	@Test
	void shouldCountOnlyFindingsOfReviewedEnvelopesAsReviewed() {
		ReviewFacts facts = new ReviewFacts(this.review);

		assertThat(this.review.findings().stream().filter(facts::reviewed).map(Finding::envelopeId).distinct())
			.containsExactlyInAnyOrder("PA-FAILOVER-007", "PA-DNS-012", "PA-MESH-003", "PA-BROKEN-099");
	}

	private BoardReview withFindings(List<Finding> findings) {
		return new BoardReview(this.review.board(), true, this.review.period(), 42, 1, this.review.envelopes(),
				findings, this.review.quarantined(), this.review.integrity(), this.review.inputs(),
				this.review.outputDir());
	}

}
