package org.envelopereview.decision;

import java.time.Duration;
import java.time.ZoneOffset;

import org.envelopereview.period.Period;

/**
 * When a requested decision is due: by the end of the next period, whose review reports
 * DEC-UNDECIDED for every request of this period's pack left unanswered.
 */
public final class DecisionDeadlines {

	private DecisionDeadlines() {
	}

	/** The period after this one, of the same kind (the review that checks it). */
	public static Period next(Period period) {
		for (Period candidate : new Period[] { Period.quarterOf(period.end()), Period.monthOf(period.end()),
				Period.halfYearOf(period.end()) }) {
			if (candidate.previous().equals(period)) {
				return candidate;
			}
		}
		Duration length = Duration.between(period.start(), period.end());
		return Period.between(period.end().atZone(ZoneOffset.UTC).toLocalDate(),
				period.end().plus(length).atZone(ZoneOffset.UTC).toLocalDate());
	}

}
