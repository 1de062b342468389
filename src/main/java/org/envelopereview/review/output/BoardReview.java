package org.envelopereview.review.output;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.envelopereview.action.chain.IntegrityReport;
import org.envelopereview.decision.CheckedDecision;
import org.envelopereview.envelope.Board;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Finding;
import org.envelopereview.period.Period;
import org.envelopereview.review.recommend.Recommendation;
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
 * @param trail what the audit trail came from beyond its actions
 * @param decisions the board's recorded decisions this run checked, by envelope
 */
public record BoardReview(Board board, boolean receivesUnassigned, Period period, long runId, int runNumber,
		List<EnvelopeReview> envelopes, List<Finding> findings, List<QuarantinedRecord> quarantined,
		IntegrityReport integrity, List<InputDigest> inputs, Path outputDir, TrailInputs trail,
		List<CheckedDecision> decisions) {

	public BoardReview {
		envelopes = List.copyOf(envelopes);
		findings = List.copyOf(findings);
		quarantined = List.copyOf(quarantined);
		inputs = List.copyOf(inputs);
		trail = (trail != null) ? trail : TrailInputs.NONE;
		decisions = List.copyOf(decisions);
	}

	/** A review with no recorded decisions to check. */
	public BoardReview(Board board, boolean receivesUnassigned, Period period, long runId, int runNumber,
			List<EnvelopeReview> envelopes, List<Finding> findings, List<QuarantinedRecord> quarantined,
			IntegrityReport integrity, List<InputDigest> inputs, Path outputDir, TrailInputs trail) {
		this(board, receivesUnassigned, period, runId, runNumber, envelopes, findings, quarantined, integrity, inputs,
				outputDir, trail, List.of());
	}

	/**
	 * A review with no source files, write events not reviewed, withdrawals or recorded
	 * decisions.
	 */
	public BoardReview(Board board, boolean receivesUnassigned, Period period, long runId, int runNumber,
			List<EnvelopeReview> envelopes, List<Finding> findings, List<QuarantinedRecord> quarantined,
			IntegrityReport integrity, List<InputDigest> inputs, Path outputDir) {
		this(board, receivesUnassigned, period, runId, runNumber, envelopes, findings, quarantined, integrity, inputs,
				outputDir, TrailInputs.NONE, List.of());
	}

	/**
	 * What the audit trail of the period came from, beyond its actions: the source files
	 * that contributed to the period, the provider's write events no rule covers, and the
	 * sources withdrawn since the last review.
	 *
	 * @param notReviewed the period's write events not reviewed, by event name
	 * @param withdrawals the withdrawals this run reports (once, SPEC 7)
	 * @param sources every source file that contributed actions, quarantined records or
	 * write events not reviewed to this review
	 */
	public record TrailInputs(List<NotReviewedEvent> notReviewed, List<Withdrawal> withdrawals,
			List<SourceFile> sources) {

		public static final TrailInputs NONE = new TrailInputs(List.of(), List.of(), List.of());

		public TrailInputs {
			notReviewed = List.copyOf(notReviewed);
			withdrawals = List.copyOf(withdrawals);
			sources = List.copyOf(sources);
		}

	}

	/**
	 * Provider write events of one name that map to no canonical type (SPEC 7), counted
	 * over the period; the first and last UTC day on which they occurred.
	 */
	public record NotReviewedEvent(String eventName, long events, LocalDate firstDay, LocalDate lastDay) {
	}

	/**
	 * An ingested source taken out of review by {@code ingest withdraw}.
	 *
	 * @param withdrawnBy the operating-system user who withdrew it
	 */
	public record Withdrawal(String sourceName, String sha256, Instant withdrawnAt, String withdrawnBy, String reason,
			long actionsRemoved, long quarantinedRemoved, long notReviewedRemoved) {
	}

	/**
	 * A source file that contributed to the review, with what it contributed.
	 *
	 * @param actions actions of the period
	 * @param quarantined quarantined records shown in the pack
	 * @param notReviewed write events not reviewed in the period
	 */
	public record SourceFile(String name, String sha256, long actions, long quarantined, long notReviewed) {
	}

	/**
	 * One envelope of the board as the pack shows it.
	 *
	 * @param envelope the validated envelope, or {@code null} when its file is invalid
	 * @param trend exercised scope per period, oldest first, ending with this run's
	 * period
	 * @param recommendation keep, narrow or retire, or {@code null} when its file is
	 * invalid
	 */
	public record EnvelopeReview(String envelopeId, String sourceFile, Envelope envelope, List<ScopeMeasurement> trend,
			Recommendation recommendation) {

		public EnvelopeReview {
			trend = List.copyOf(trend);
		}

		/** An envelope with no recommendation. */
		public EnvelopeReview(String envelopeId, String sourceFile, Envelope envelope, List<ScopeMeasurement> trend) {
			this(envelopeId, sourceFile, envelope, trend, null);
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
