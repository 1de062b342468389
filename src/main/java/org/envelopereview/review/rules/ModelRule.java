package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionFields;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.review.scope.ScopeMatcher;

import org.springframework.stereotype.Component;

/**
 * OOS-MODEL: the envelope lists model-version globs and the action's model version (or
 * its absence, on an agent's record) matches none.
 */
@Component
class ModelRule implements ActionRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.OOS_MODEL);
	}

	@Override
	public void evaluate(Action action, ActionContext context, Consumer<Breach> breaches) {
		if (!context.hasEnvelope() || context.envelope().modelVersions() == null) {
			return;
		}
		String model = ActionFields.blankToNull(action.modelVersion());
		if (model == null && action.providerRecorded()) {
			// a provider's log cannot know the model; an unreported change is
			// LOG-UNREPORTED
			return;
		}
		if (model != null && ScopeMatcher.anyGlobMatches(context.envelope().modelVersions(), model)) {
			return;
		}
		String allowed = ScopeMatcher.describe(context.envelope().modelVersions(), (m) -> m);
		breaches.accept(Wording.withAction(Breach.of(FindingCode.OOS_MODEL), action)
			.evidence("modelVersion", model)
			.evidence("allowed.modelVersions", allowed)
			.explain(Wording.lead(action) + "model version " + Wording.valueOrNone(model)
					+ " is not authorized — envelope " + context.envelope().id() + " allows only " + allowed));
	}

}
