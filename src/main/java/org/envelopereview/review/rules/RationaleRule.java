package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionFields;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

import org.springframework.stereotype.Component;

/**
 * OOS-RATIONALE: under an envelope with {@code rationale: required}, the rationale's
 * signal or confidence is missing, or the confidence is below the envelope's
 * minConfidence. A provider's record no agent record accounts for is not judged here: a
 * provider log carries no rationale, and its change is LOG-UNREPORTED.
 */
@Component
class RationaleRule implements ActionRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.OOS_RATIONALE);
	}

	@Override
	public void evaluate(Action action, ActionContext context, Consumer<Breach> breaches) {
		if (!context.hasEnvelope() || !context.envelope().rationaleRequired()
				|| (action.providerRecorded() && !context.reconciliation().joined())) {
			return;
		}
		Action.Rationale rationale = (action.rationale() != null) ? action.rationale() : Action.Rationale.NONE;
		Double minimum = context.envelope().minConfidence();
		String problem;
		if (ActionFields.blankToNull(rationale.signal()) == null) {
			problem = "no rationale signal";
		}
		else if (rationale.confidence() == null) {
			problem = "no confidence";
		}
		else if (minimum != null && rationale.confidence() < minimum) {
			problem = "confidence " + rationale.confidence() + " below the minimum " + minimum;
		}
		else {
			return;
		}
		breaches.accept(Wording.withAction(Breach.of(FindingCode.OOS_RATIONALE), action)
			.evidence("rationale.signal", ActionFields.blankToNull(rationale.signal()))
			.evidence("rationale.confidence", rationale.confidence())
			.evidence("minConfidence", minimum)
			.explain(Wording.lead(action) + action.type() + " with " + problem + " — envelope "
					+ context.envelope().id()
					+ ((minimum != null) ? " requires a signal and confidence ≥ " + minimum : " requires a signal")));
	}

}
