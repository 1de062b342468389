package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

/** Turns one action into zero or more breaches of one finding code (or tight family). */
public interface ActionRule {

	/**
	 * The codes of the breaches this rule produces; no other rule produces them
	 * ({@code FindingProducersTests}).
	 */
	Set<FindingCode> codes();

	void evaluate(Action action, ActionContext context, Consumer<Breach> breaches);

	/**
	 * Failed attempts changed nothing but still show what an agent tried to do; rules
	 * about authority judge them, rules about lasting effect do not.
	 */
	default boolean judgesFailedAttempts() {
		return true;
	}

	/**
	 * Whether the rule also judges actions from before the period (only those whose
	 * consequence, such as a revert deadline, falls inside it).
	 */
	default boolean judgesActionsBeforeThePeriod() {
		return false;
	}

}
