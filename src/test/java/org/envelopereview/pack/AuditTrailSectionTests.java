package org.envelopereview.pack;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.envelopereview.action.chain.ChainVerification;
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

	/**
	 * A run from checkpoints says so in its status, and says what it did not read: the
	 * rows before the checkpoints, and when they were last verified in full.
	 */
	@Test
	void shouldSayWhatARunFromCheckpointsDidNotReadAgain() {
		ChainVerification.RunRef q2 = new ChainVerification.RunRef(7, "2026-Q2", 1,
				Instant.parse("2026-07-01T02:00:00Z"));
		ChainVerification.RunRef q1 = new ChainVerification.RunRef(3, "2026-Q1", 1,
				Instant.parse("2026-04-01T02:00:00Z"));
		IntegrityReport report = new IntegrityReport(120, List.of(),
				new ChainVerification(ChainVerification.Scope.SINCE_CHECKPOINTS, null, q2, "ab".repeat(32), false, 120,
						3, 3, 5_000, 3, "cd".repeat(32), q1, 0, 4, Instant.parse("2026-10-01T02:00:00Z")));

		Map<String, Object> parameters = section(List.of(), report).parameters();

		assertThat(parameters.get("STATUS")).asString()
			.isEqualTo("INTACT — 120 rows checked from the checkpoints of 2026-Q2 run 1; every agent's hash chain "
					+ "verifies from its checkpoint on");
		assertThat(parameters.get("VERIFIED")).asString()
			.contains("the rows added since the checkpoints of 2026-Q2 run 1 (verified 2026-07-01 02:00:00 UTC)",
					"checkpoint set SHA-256 " + "ab".repeat(32), "NOT re-read by this review: 5,000 earlier rows",
					"Last full verification: 2026-Q1 run 1 (verified 2026-04-01 02:00:00 UTC), which found 0 breaks",
					"at least once every 4 runs", "--verify-chains=full")
			.doesNotContain("in full —");
	}

	@Test
	void shouldSayWhyAFullVerificationWasFull() {
		IntegrityReport report = new IntegrityReport(48_213, List.of(),
				new ChainVerification(ChainVerification.Scope.FULL, ChainVerification.FullReason.SCHEDULED, null, null,
						false, 48_213, 3, 0, 0, 3, "cd".repeat(32),
						new ChainVerification.RunRef(9, "2026-Q3", 1, Instant.parse("2026-10-01T02:00:00Z")), 0, 4,
						Instant.parse("2026-10-01T02:00:00Z")));

		Map<String, Object> parameters = section(List.of(), report).parameters();

		assertThat(parameters.get("STATUS")).asString()
			.isEqualTo("INTACT — 48,213 rows checked; every agent's hash chain verifies");
		assertThat(parameters.get("VERIFIED")).asString()
			.contains("every agent's chain from seq 1, in full — 3 agents, 48,213 rows",
					"Full because scheduled (review.chain.full-verification-every)",
					"Last full verification: this run, which found 0 breaks")
			.doesNotContain("NOT re-read");
	}

	private AuditTrailSection section(List<Finding> findings, IntegrityReport integrity) {
		BoardReview review = new BoardReview(this.review.board(), false, this.review.period(), 1, 1,
				this.review.envelopes(), findings, List.of(), integrity, List.of(), this.review.outputDir());
		return new AuditTrailSection(new ReviewFacts(review), Map.of());
	}

}
