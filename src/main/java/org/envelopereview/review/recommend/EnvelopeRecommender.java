package org.envelopereview.review.recommend;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.envelopereview.envelope.Approver;
import org.envelopereview.envelope.BoardDirectory;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.period.Period;
import org.envelopereview.review.recommend.Recommendation.LookBack;
import org.envelopereview.review.recommend.Recommendation.Outcome;
import org.envelopereview.review.scope.EnvelopeHistory;
import org.envelopereview.review.scope.ScopeUse;

import org.springframework.stereotype.Component;

/**
 * Recommends keep, narrow or retire for one envelope, from what the assessment found in
 * the period and what its agents exercised over the look-back.
 * <p>
 * Retire: dormant for {@code review.recommend.dormant-periods} consecutive periods ending
 * with this one (as ENV-DORMANT judges a period), expired (ENV-EXPIRED), or its approver
 * is no longer active (ENV-APPROVER-INACTIVE) and no active approver has reviewed it
 * since the approver left. Otherwise narrow when declared scope went unused over the
 * look-back — this period and the {@code review.recommend.look-back-periods} before it,
 * never before the approval date — and keep when all of it was used.
 */
@Component
public class EnvelopeRecommender {

	private final RecommendProperties properties;

	EnvelopeRecommender(RecommendProperties properties) {
		this.properties = properties;
	}

	/**
	 * @param attempts every action naming the envelope in the period, failed ones
	 * included
	 * @param used what its agents exercised in the period
	 * @param breaches what the envelope rules found for this envelope in the period
	 * @param history its use over the {@link #lookBack} before the period and its
	 * attempts in the periods from {@link #earliestPeriodAsked}
	 */
	public Recommendation recommend(Envelope envelope, Period period, BoardDirectory directory, long attempts,
			ScopeUse used, List<Breach> breaches, EnvelopeHistory history) {
		LookBack lookBack = lookBack(envelope, period);
		List<String> retire = new ArrayList<>();
		dormancy(envelope, period, breaches, history).ifPresent(retire::add);
		breaches.stream()
			.filter((breach) -> breach.code() == FindingCode.ENV_EXPIRED)
			.forEach((breach) -> retire.add(breach.explanation() + " (ENV-EXPIRED)"));
		approverLeft(envelope, period, directory, breaches).ifPresent(retire::add);
		if (!retire.isEmpty()) {
			return recommendation(envelope, Outcome.RETIRE, retire, null, lookBack);
		}
		Instant approved = approvalStart(envelope);
		if (approved != null && approved.isAfter(period.start())) {
			return recommendation(envelope, Outcome.KEEP, List.of("approved on " + envelope.approval().approvedAt()
					+ ", within " + period.label() + ": too little use yet to propose narrowing it"), null, lookBack);
		}
		ScopeUse overLookBack = used.union(history.use(lookBack.from(), period.start()));
		UnusedScope unused = UnusedScope.of(envelope, overLookBack, lookBack.since());
		if (unused.nothingUsed()) {
			return recommendation(envelope, Outcome.KEEP,
					List.of("no successful action under it since " + lookBack.since()
							+ ": no use to narrow it to; it becomes a candidate to retire once dormant for "
							+ this.properties.dormantPeriods() + " consecutive periods"),
					null, lookBack);
		}
		if (unused.isEmpty()) {
			return recommendation(envelope, Outcome.KEEP, List
				.of("every declared action type, CIDR, port, region and agent was used since " + lookBack.since()),
					null, lookBack);
		}
		List<String> reasons = new ArrayList<>();
		int count = unused.changes().size();
		reasons.add(count + ((count == 1) ? " declared value was" : " declared values were") + " never used since "
				+ lookBack.since()
				+ ": approving the narrower envelope below removes standing permission no agent needed");
		if (unused.finerGaps() > 0) {
			reasons.add("unused parts of declared CIDRs smaller than a sixteenth of their block are not proposed: "
					+ "cutting finer would fit the envelope to past actions rather than to its task");
		}
		return recommendation(envelope, Outcome.NARROW, reasons, unused, lookBack);
	}

	private Recommendation recommendation(Envelope envelope, Outcome outcome, List<String> reasons, UnusedScope unused,
			LookBack lookBack) {
		return new Recommendation(envelope.id(), envelope.boardId(), outcome, reasons,
				(unused != null) ? unused.changes() : List.of(), (unused != null) ? unused.proposal() : List.of(),
				lookBack);
	}

	/**
	 * This period and the look-back's earlier ones, from the approval date when that is
	 * later.
	 */
	public LookBack lookBack(Envelope envelope, Period period) {
		Period first = period;
		for (int i = 0; i < this.properties.lookBackPeriods(); i++) {
			first = first.previous();
		}
		Instant approved = approvalStart(envelope);
		if (approved != null && approved.isAfter(first.start())) {
			return new LookBack(approved, period.end(), "approval on " + envelope.approval().approvedAt());
		}
		return new LookBack(first.start(), period.end(), first.label());
	}

	/**
	 * The earliest period whose attempts a recommendation for the period may ask: the
	 * first of the {@code dormant-periods} ending with it.
	 */
	public Period earliestPeriodAsked(Period period) {
		Period first = period;
		for (int i = 1; i < this.properties.dormantPeriods(); i++) {
			first = first.previous();
		}
		return first;
	}

	/**
	 * The reason to retire when ENV-DORMANT fired this period and the periods before it
	 * up to {@code dormant-periods} were dormant too, judged as ENV-DORMANT judges: no
	 * action at all, failed attempts included, in a period that ends after the approval.
	 */
	private Optional<String> dormancy(Envelope envelope, Period period, List<Breach> breaches,
			EnvelopeHistory history) {
		if (breaches.stream().noneMatch((breach) -> breach.code() == FindingCode.ENV_DORMANT)) {
			return Optional.empty();
		}
		List<String> dormant = new ArrayList<>(List.of(period.label()));
		Period earlier = period;
		Instant approved = approvalStart(envelope);
		for (int i = 1; i < this.properties.dormantPeriods(); i++) {
			earlier = earlier.previous();
			boolean beforeApproval = approved != null && !approved.isBefore(earlier.end());
			if (beforeApproval || history.attempts(earlier) > 0) {
				return Optional.empty();
			}
			dormant.add(0, earlier.label());
		}
		int periods = dormant.size();
		return Optional.of("no action under it in " + String.join(", ", dormant) + ": dormant for " + periods
				+ ((periods == 1) ? " period" : " consecutive periods") + " (ENV-DORMANT)");
	}

	/**
	 * The reason to retire when the approver is inactive and nobody re-approved: no
	 * active approver reviewed the envelope after the approver's last active day.
	 */
	private static Optional<String> approverLeft(Envelope envelope, Period period, BoardDirectory directory,
			List<Breach> breaches) {
		Optional<Breach> inactive = breaches.stream()
			.filter((breach) -> breach.code() == FindingCode.ENV_APPROVER_INACTIVE
					&& "approver".equals(breach.discriminator()))
			.findFirst();
		if (inactive.isEmpty()) {
			return Optional.empty();
		}
		Envelope.ReviewSchedule review = envelope.review();
		if (review != null && review.lastReviewedAt() != null
				&& directory.isActiveApprover(review.lastReviewedBy(), period.lastInstant())) {
			LocalDate left = directory.approver(envelope.approval().approver()).map(Approver::activeUntil).orElse(null);
			if (left == null || review.lastReviewedAt().isAfter(left)) {
				return Optional.empty();
			}
		}
		return Optional.of(inactive.get().explanation()
				+ ", and no active approver has re-approved it since (ENV-APPROVER-INACTIVE)");
	}

	private static Instant approvalStart(Envelope envelope) {
		Envelope.Approval approval = envelope.approval();
		return (approval != null && approval.approvedAt() != null)
				? approval.approvedAt().atStartOfDay().toInstant(ZoneOffset.UTC) : null;
	}

}
