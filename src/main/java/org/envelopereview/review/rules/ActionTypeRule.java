package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.envelope.ActionClass;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.review.scope.ScopeMatcher;

import org.springframework.stereotype.Component;

/** OOS-ACTION-TYPE: the envelope authorizes no class of the action's type. */
@Component
class ActionTypeRule implements ActionRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.OOS_ACTION_TYPE);
	}

	@Override
	public void evaluate(Action action, ActionContext context, Consumer<Breach> breaches) {
		if (!context.hasEnvelope() || context.bestFit(action).isPresent()) {
			return;
		}
		String authorized = ScopeMatcher.describe(
				context.envelope().actions().stream().map(ActionClass::type).distinct().sorted().toList(), (t) -> t);
		breaches.accept(Wording.withAction(Breach.of(FindingCode.OOS_ACTION_TYPE), action)
			.evidence("authorizedTypes", authorized)
			.explain(Wording.lead(action) + action.type() + " is not authorized — envelope " + context.envelope().id()
					+ " authorizes only " + authorized));
	}

}
