package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionFields;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

import org.springframework.stereotype.Component;

/**
 * LOG-UNCONFIRMED: an agent record of a succeeded change names a provider event that the
 * provider log ingested for its account does not contain, although that log covers the
 * change's account, region and time (SPEC §7). A provider event of that id that was
 * quarantined exists: the claim is confirmed, if unreadable. Outside every covered span
 * the log cannot say, and nothing is reported.
 */
@Component
class UnconfirmedClaimRule implements ActionRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.LOG_UNCONFIRMED);
	}

	@Override
	public boolean judgesFailedAttempts() {
		return false;
	}

	@Override
	public void evaluate(Action action, ActionContext context, Consumer<Breach> breaches) {
		Action.Provenance provenance = action.provenance();
		Reconciliation reconciliation = context.reconciliation();
		String eventId = ActionFields.blankToNull(provenance.providerEventId());
		if (action.providerRecorded() || eventId == null || !reconciliation.covered()
				|| reconciliation.quarantinedEvents() > 0) {
			return;
		}
		String account = ActionFields.blankToNull(provenance.account());
		String span = action.region() + ((account != null) ? " in account " + account : " in every account") + " from "
				+ reconciliation.coveredFrom() + " to " + reconciliation.coveredTo();
		breaches.accept(Wording.withAction(Breach.of(FindingCode.LOG_UNCONFIRMED), action)
			.evidence("providerEventId", eventId)
			.evidence("principal", provenance.principal())
			.evidence("account", account)
			.evidence("region", action.region())
			.evidence("coveredFrom", reconciliation.coveredFrom())
			.evidence("coveredTo", reconciliation.coveredTo())
			.explain(Wording.subject(action) + ": " + action.agent() + " recorded " + action.type()
					+ " as provider event " + eventId + " (principal " + Wording.valueOrNone(provenance.principal())
					+ ", account " + Wording.valueOrNone(account)
					+ "), which the provider log does not contain although it covers " + span));
	}

}
