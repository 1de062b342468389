package org.envelopereview.review.rules;

import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.finding.Breach;

/** Turns one action into zero or more breaches of one finding code (or tight family). */
public interface ActionRule {

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
