package org.envelopereview.review.output;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.envelopereview.action.chain.IntegrityReport;
import org.envelopereview.decision.CheckedDecision;
import org.envelopereview.envelope.Board;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Finding;
import org.envelopereview.period.Period;
import org.envelopereview.review.scope.ScopeMeasurement;

/**
 * Everything one board's pack shows for one run: the hand-off from the review job to the
 * pack.
 *
 * @param receivesUnassigned true when this board also receives findings that belong to no
 * board
 * @param findings sorted as in findings.json
 * @param outputDir {@code out/<period>/<board>/}, where findings.json and findings.csv
 * already are
 * @param decisions the board's recorded decisions this run checked, by envelope
 */
public record BoardReview(Board board, boolean receivesUnassigned, Period period, long runId, int runNumber,
		List<EnvelopeReview> envelopes, List<Finding> findings, List<QuarantinedRecord> quarantined,
		IntegrityReport integrity, List<InputDigest> inputs, Path outputDir, List<CheckedDecision> decisions) {

	public BoardReview {
		envelopes = List.copyOf(envelopes);
		findings = List.copyOf(findings);
		quarantined = List.copyOf(quarantined);
		inputs = List.copyOf(inputs);
		decisions = List.copyOf(decisions);
	}

	/** A review of a board with no recorded decisions to check. */
	public BoardReview(Board board, boolean receivesUnassigned, Period period, long runId, int runNumber,
			List<EnvelopeReview> envelopes, List<Finding> findings, List<QuarantinedRecord> quarantined,
			IntegrityReport integrity, List<InputDigest> inputs, Path outputDir) {
		this(board, receivesUnassigned, period, runId, runNumber, envelopes, findings, quarantined, integrity, inputs,
				outputDir, List.of());
	}

	/**
	 * One envelope of the board as the pack shows it.
	 *
	 * @param envelope the validated envelope, or {@code null} when its file is invalid
	 * @param trend exercised scope per period, oldest first, ending with this run's
	 * period
	 */
	public record EnvelopeReview(String envelopeId, String sourceFile, Envelope envelope,
			List<ScopeMeasurement> trend) {

		public EnvelopeReview {
			trend = List.copyOf(trend);
		}

	}

	/**
	 * An input record that could not become an action, shown in the pack of the period it
	 * falls in.
	 */
	public record QuarantinedRecord(String sourceName, long lineNumber, String recordId, Instant occurredAt,
			String reason, String rawText) {
	}

	/** A named input with its SHA-256, listed on the cover and in manifest.json. */
	public record InputDigest(String name, String sha256) {
	}

}
