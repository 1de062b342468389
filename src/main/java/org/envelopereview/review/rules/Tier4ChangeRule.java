package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionFields;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

import org.springframework.stereotype.Component;

/**
 * OOS-TIER4-NO-CHANGE: a tier-4 action without a change ref, or without an approver
 * active at the time of the action.
 */
@Component
class Tier4ChangeRule implements ActionRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.OOS_TIER4_NO_CHANGE);
	}

	@Override
	public void evaluate(Action action, ActionContext context, Consumer<Breach> breaches) {
		if (context.tier(action).orElse(0) != 4) {
			return;
		}
		String missing = missing(action, context);
		if (missing == null) {
			return;
		}
		breaches.accept(Wording.withAction(Breach.of(FindingCode.OOS_TIER4_NO_CHANGE), action)
			.evidence("tier", 4)
			.evidence("changeRef", ActionFields.blankToNull(action.changeRef()))
			.evidence("approval.approver", ActionFields.blankToNull(action.approval().approver()))
			.explain(Wording.lead(action) + "tier-4 " + action.type() + " with " + missing + " — envelope "
					+ context.envelope().id() + " requires full change management"));
	}

	/** What the action lacks to count as under a tier-4 change, or {@code null}. */
	static String missing(Action action, ActionContext context) {
		String changeRef = ActionFields.blankToNull(action.changeRef());
		String approver = ActionFields.blankToNull(action.approval().approver());
		boolean approved = context.approverActiveAt(approver, action.occurredAt());
		if (changeRef == null && !approved) {
			return "no change ref and no active approver";
		}
		if (changeRef == null) {
			return "no change ref";
		}
		if (!approved) {
			return "approver " + Wording.valueOrNone(approver) + " not active at " + action.occurredAt();
		}
		return null;
	}

}
