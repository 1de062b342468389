package org.envelopereview.review.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionFields;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

import org.springframework.stereotype.Component;

/**
 * OOS-NOT-REVERTED: a temporary change not reverted by its deadline, the earlier of
 * {@code revertBy} and {@code occurredAt + maxDuration}. A revert exactly at the deadline
 * is on time. The finding belongs to the period in which the deadline falls, so this rule
 * also sees actions from before the period.
 */
@Component
class NotRevertedRule implements ActionRule {

	@Override
	public boolean judgesFailedAttempts() {
		return false;
	}

	@Override
	public boolean judgesActionsBeforeThePeriod() {
		return true;
	}

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.OOS_NOT_REVERTED);
	}

	@Override
	public void evaluate(Action action, ActionContext context, Consumer<Breach> breaches) {
		if (ActionFields.blankToNull(action.reverts()) != null) {
			return; // a revert restores the earlier state: there is nothing to revert in
					// turn
		}
		Duration maxDuration = context.bestFit(action).map((fit) -> fit.actionClass().maxDuration()).orElse(null);
		Instant deadline = deadline(action.revertBy(), action.occurredAt(), maxDuration);
		if (deadline == null || !context.period().contains(deadline)) {
			return;
		}
		Instant revertedAt = context.revertedAt();
		if (revertedAt != null && !revertedAt.isAfter(deadline)) {
			return;
		}
		String outcome = (revertedAt != null) ? "reverted only at " + revertedAt : "never reverted";
		breaches.accept(Wording.withAction(Breach.of(FindingCode.OOS_NOT_REVERTED), action)
			.evidence("revertBy", action.revertBy())
			.evidence("maxDuration", maxDuration)
			.evidence("deadline", deadline)
			.evidence("revertedAt", revertedAt)
			.explain(Wording.lead(action) + "temporary " + action.type() + " at " + action.occurredAt() + " was "
					+ outcome + " — deadline " + deadline));
	}

	static Instant deadline(Instant revertBy, Instant occurredAt, Duration maxDuration) {
		Instant byDuration = (maxDuration != null) ? occurredAt.plus(maxDuration) : null;
		if (revertBy == null) {
			return byDuration;
		}
		return (byDuration == null || revertBy.isBefore(byDuration)) ? revertBy : byDuration;
	}

}
