package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionFields;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

import org.springframework.stereotype.Component;

/** OOS-NO-ENVELOPE: an action that names no envelope at all. */
@Component
class NoEnvelopeRule implements ActionRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.OOS_NO_ENVELOPE);
	}

	@Override
	public void evaluate(Action action, ActionContext context, Consumer<Breach> breaches) {
		if (ActionFields.blankToNull(action.envelopeId()) != null) {
			return;
		}
		breaches.accept(Wording.withAction(Breach.of(FindingCode.OOS_NO_ENVELOPE), action)
			.evidence("region", action.region())
			.explain(Wording.subject(action) + ": " + action.agent() + " " + Wording.ran(action) + " under no envelope"
					+ Wording.failure(action)));
	}

}
