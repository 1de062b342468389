package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.review.scope.PrincipalMatcher;
import org.envelopereview.review.scope.ScopeMatcher;

import org.springframework.stereotype.Component;

/**
 * OOS-AGENT: the envelope lists its agents and this one is not among them. An action made
 * as a principal the envelope names in {@code principals} is its agent whatever its
 * session is called (an instance id, an SDK default): the provider vouches for who acted.
 */
@Component
class AgentRule implements ActionRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.OOS_AGENT);
	}

	@Override
	public void evaluate(Action action, ActionContext context, Consumer<Breach> breaches) {
		if (!context.hasEnvelope() || context.envelope().agents() == null
				|| context.envelope().agents().contains(action.agent())
				|| PrincipalMatcher.governs(context.envelope(), action.provenance().principal())) {
			return;
		}
		String allowed = ScopeMatcher.describe(context.envelope().agents(), (a) -> a);
		breaches.accept(Wording.withAction(Breach.of(FindingCode.OOS_AGENT), action)
			.evidence("allowed.agents", allowed)
			.explain(Wording.lead(action) + "agent " + action.agent() + " is not authorized — envelope "
					+ context.envelope().id() + " allows only " + allowed));
	}

}
