package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.decision.BoardDecisionChecks;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.period.Period;

/**
 * Turns what a review found about one board's decisions (SPEC §8) into zero or more
 * breaches.
 */
public interface DecisionRule {

	/**
	 * The codes of the breaches this rule produces; no other rule produces them
	 * ({@code FindingProducersTests}).
	 */
	Set<FindingCode> codes();

	void evaluate(BoardDecisionChecks checks, Period period, Consumer<Breach> breaches);

}
