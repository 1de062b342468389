package org.envelopereview.pack;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.envelopereview.decision.RequestedDecisions;
import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.FindingGroup;
import org.envelopereview.finding.FindingGroups;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.finding.Severity;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.review.output.BoardReview.EnvelopeReview;

import static org.envelopereview.pack.Rows.DAY;
import static org.envelopereview.pack.Rows.plural;

/** What several sections of the pack ask of a board review. */
final class ReviewFacts {

	private final BoardReview review;

	private final Set<String> reviewedEnvelopes;

	private List<FindingGroup> groups;

	private Map<String, List<Finding>> findingsByEnvelope;

	private EnvelopeBudget envelopes;

	ReviewFacts(BoardReview review) {
		this.review = review;
		this.reviewedEnvelopes = review.envelopes()
			.stream()
			.map(EnvelopeReview::envelopeId)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	BoardReview review() {
		return this.review;
	}

	String headline() {
		List<Finding> findings = this.review.findings();
		Map<Severity, Long> bySeverity = findings.stream()
			.collect(Collectors.groupingBy(Finding::severity, () -> new EnumMap<>(Severity.class),
					Collectors.counting()));
		long decisions = this.review.envelopes()
			.stream()
			.filter((envelope) -> !decisionReasons(envelope.envelopeId()).isEmpty())
			.count();
		int breaks = this.review.integrity().breaks().size();
		long suppressions = findings.stream()
			.filter((finding) -> finding.code() == FindingCode.LOG_SUPPRESSION)
			.count();
		String trail = (breaks != 0) ? "has " + plural(breaks, "chain break")
				: (suppressions == 0) ? "is intact" : "verifies, but logging was switched off or narrowed "
						+ plural(suppressions, "time") + " (LOG-SUPPRESSION)";
		return findings.size() + " findings in " + this.review.period().label() + ": "
				+ bySeverity.getOrDefault(Severity.CRITICAL, 0L) + " critical, "
				+ bySeverity.getOrDefault(Severity.HIGH, 0L) + " high, " + bySeverity.getOrDefault(Severity.MEDIUM, 0L)
				+ " medium, " + bySeverity.getOrDefault(Severity.LOW, 0L) + " low. " + decisions + " of "
				+ this.review.envelopes().size() + " envelopes need a decision; " + flaggedActions().size()
				+ " actions were flagged; the audit trail " + trail + "; " + this.review.quarantined().size()
				+ " input records were quarantined." + trailInputs();
	}

	/**
	 * What the board must know it was not shown: provider writes no rule judged, and
	 * sources withdrawn from review; nothing when there are none.
	 */
	private String trailInputs() {
		long notReviewed = this.review.trail()
			.notReviewed()
			.stream()
			.mapToLong(BoardReview.NotReviewedEvent::events)
			.sum();
		int withdrawn = this.review.trail().withdrawals().size();
		List<String> parts = new ArrayList<>();
		if (notReviewed > 0) {
			parts.add(plural(notReviewed, "provider write event") + " no rule covers "
					+ ((notReviewed == 1) ? "was" : "were") + " not reviewed");
		}
		if (withdrawn > 0) {
			parts.add(plural(withdrawn, "source") + ((withdrawn == 1) ? " was" : " were")
					+ " withdrawn from review since the last review");
		}
		return parts.isEmpty() ? "" : " " + String.join("; ", parts) + ".";
	}

	/**
	 * Why the board must decide on an envelope: its envelope-level (ENV-) and expansion
	 * (EXP-) findings, which say it is stale or has outgrown its approval. Out-of-scope
	 * actions alone call for follow-up, not for a decision on the envelope.
	 */
	List<Finding> decisionReasons(String envelopeId) {
		return findingsOf(envelopeId).stream().filter(RequestedDecisions::isReason).toList();
	}

	Set<String> flaggedActions() {
		return this.review.findings()
			.stream()
			.map(Finding::actionId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
	}

	/**
	 * The board's findings in groups (SPEC §9), in one pass over them; computed once.
	 */
	List<FindingGroup> groups() {
		if (this.groups == null) {
			FindingGroups grouping = new FindingGroups();
			List<Finding> findings = this.review.findings();
			for (int i = 0; i < findings.size(); i++) {
				Finding finding = findings.get(i);
				// the review hands over findings without their stored keys: a key unique
				// within the board, stable for the same (sorted) findings
				grouping.add(new StoredFinding(
						String.join("|", finding.code().code(), Objects.toString(finding.envelopeId(), ""),
								Objects.toString(finding.actionId(), ""), Integer.toString(i)),
						finding));
			}
			this.groups = grouping.groups();
		}
		return this.groups;
	}

	List<FindingGroup> groupsOf(String envelopeId) {
		return groups().stream().filter((group) -> envelopeId.equals(group.envelopeId())).toList();
	}

	/** The findings about an envelope, in the review's order; computed once for all. */
	List<Finding> findingsOf(String envelopeId) {
		if (this.findingsByEnvelope == null) {
			this.findingsByEnvelope = this.review.findings()
				.stream()
				.filter((finding) -> finding.envelopeId() != null)
				.collect(Collectors.groupingBy(Finding::envelopeId));
		}
		return this.findingsByEnvelope.getOrDefault(envelopeId, List.of());
	}

	/**
	 * Which envelopes get a full section and in which order the pack shows them (SPEC
	 * §9); computed once.
	 */
	EnvelopeBudget envelopes() {
		if (this.envelopes == null) {
			this.envelopes = new EnvelopeBudget(this.review.envelopes(), this::findingsOf);
		}
		return this.envelopes;
	}

	boolean reviewed(Finding finding) {
		return finding.envelopeId() != null && this.reviewedEnvelopes.contains(finding.envelopeId());
	}

	String periodRange() {
		return DAY.format(this.review.period().start()) + " to " + DAY.format(this.review.period().lastInstant())
				+ " inclusive (UTC)";
	}

}
