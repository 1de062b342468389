package org.envelopereview.review;

import java.util.function.Consumer;

import org.envelopereview.action.Action;

import org.springframework.stereotype.Component;

/** OOS-NO-ENVELOPE: an action that names no envelope at all. */
@Component
class NoEnvelopeRule implements ActionRule {

	@Override
	public void evaluate(Action action, ActionContext context, Consumer<Breach> breaches) {
		if (Wording.blankToNull(action.envelopeId()) != null) {
			return;
		}
		breaches.accept(Wording.withAction(Breach.of(FindingCode.OOS_NO_ENVELOPE), action)
			.evidence("region", action.region())
			.explain(Wording.subject(action) + ": " + action.agent() + " ran " + action.type() + " under no envelope"));
	}

}
