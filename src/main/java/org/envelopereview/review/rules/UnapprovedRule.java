package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionFields;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

import org.springframework.stereotype.Component;

/**
 * OOS-UNAPPROVED: a tier-3 action without an approval ref, or whose approver was not
 * active in the directory at the time of the action.
 */
@Component
class UnapprovedRule implements ActionRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.OOS_UNAPPROVED);
	}

	@Override
	public void evaluate(Action action, ActionContext context, Consumer<Breach> breaches) {
		if (context.tier(action).orElse(0) != 3) {
			return;
		}
		String ref = ActionFields.blankToNull(action.approval().ref());
		String approver = ActionFields.blankToNull(action.approval().approver());
		String reason;
		if (ref == null) {
			reason = "no approval ref";
		}
		else if (!context.approverActiveAt(approver, action.occurredAt())) {
			reason = "approver " + Wording.valueOrNone(approver) + " was not an active approver at "
					+ action.occurredAt();
		}
		else {
			return;
		}
		breaches.accept(Wording.withAction(Breach.of(FindingCode.OOS_UNAPPROVED), action)
			.evidence("tier", 3)
			.evidence("approval.ref", ref)
			.evidence("approval.approver", approver)
			.explain(Wording.lead(action) + "tier-3 " + action.type() + " with " + reason + " — envelope "
					+ context.envelope().id() + " requires a recorded human authorization"));
	}

}
