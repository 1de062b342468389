package org.envelopereview.review.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.Severity;

import org.springframework.stereotype.Component;

/**
 * ENV-REVIEW-OVERDUE: lastReviewedAt + cadenceDays falls before the period's end;
 * critical when strictly more than twice the cadence has passed.
 */
@Component
class ReviewOverdueRule implements EnvelopeRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.ENV_REVIEW_OVERDUE);
	}

	@Override
	public void evaluate(Envelope envelope, EnvelopeContext context, Consumer<Breach> breaches) {
		Envelope.ReviewSchedule review = envelope.review();
		if (review == null || review.lastReviewedAt() == null) {
			return;
		}
		Instant reviewed = Wording.startOfDay(review.lastReviewedAt());
		Instant due = reviewed.plus(Duration.ofDays(review.cadenceDays()));
		Instant judgedAt = context.period().lastInstant();
		if (!due.isBefore(judgedAt)) {
			return;
		}
		Duration since = Duration.between(reviewed, judgedAt);
		boolean twice = since.compareTo(Duration.ofDays(2L * review.cadenceDays())) > 0;
		breaches.accept(Breach.of(FindingCode.ENV_REVIEW_OVERDUE)
			.envelope(envelope.id())
			.severity(twice ? Severity.CRITICAL : Severity.HIGH)
			.evidence("lastReviewedAt", review.lastReviewedAt())
			.evidence("lastReviewedBy", review.lastReviewedBy())
			.evidence("cadenceDays", review.cadenceDays())
			.evidence("dueAt", due)
			.evidence("daysSinceReview", since.toDays())
			.explain(envelope.id() + " was last reviewed " + review.lastReviewedAt() + " and was due by "
					+ due.toString().substring(0, 10) + " (every " + review.cadenceDays() + " days): " + since.toDays()
					+ " days since review at the end of " + context.period().label()
					+ (twice ? ", more than twice the cadence" : "")));
	}

}
