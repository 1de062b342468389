package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

import org.springframework.stereotype.Component;

/** OOS-AFTER-EXPIRY: the action came after the envelope's last valid day. */
@Component
class AfterExpiryRule implements ActionRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.OOS_AFTER_EXPIRY);
	}

	@Override
	public void evaluate(Action action, ActionContext context, Consumer<Breach> breaches) {
		if (!context.hasEnvelope() || context.envelope().expiresAt() == null) {
			return;
		}
		// expiresAt is inclusive: the envelope is valid through the end of that day
		if (action.occurredAt().isBefore(Wording.endOfDay(context.envelope().expiresAt()))) {
			return;
		}
		breaches.accept(Wording.withAction(Breach.of(FindingCode.OOS_AFTER_EXPIRY), action)
			.evidence("expiresAt", context.envelope().expiresAt())
			.explain(Wording.lead(action) + action.type() + " at " + action.occurredAt() + " — envelope "
					+ context.envelope().id() + " expired after " + context.envelope().expiresAt()));
	}

}
