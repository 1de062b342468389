package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

import org.springframework.stereotype.Component;

/**
 * LOG-UNREPORTED: a succeeded change a provider recorded, judged under an envelope with
 * {@code rationale: required}, that no agent record accounts for (SPEC §7). Without an
 * envelope it stays OOS-NO-ENVELOPE; a failed attempt changed nothing to report.
 */
@Component
class UnreportedChangeRule implements ActionRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.LOG_UNREPORTED);
	}

	@Override
	public boolean judgesFailedAttempts() {
		return false;
	}

	@Override
	public void evaluate(Action action, ActionContext context, Consumer<Breach> breaches) {
		if (!action.providerRecorded() || context.reconciliation().joined() || !context.hasEnvelope()
				|| !context.envelope().rationaleRequired()) {
			return;
		}
		Action.Provenance provenance = action.provenance();
		breaches.accept(Wording.withAction(Breach.of(FindingCode.LOG_UNREPORTED), action)
			.envelope(context.envelope().id())
			.evidence("provider", provenance.provider())
			.evidence("providerEventId", provenance.providerEventId())
			.evidence("principal", provenance.principal())
			.evidence("account", provenance.account())
			.evidence("region", action.region())
			.explain(Wording.subject(action) + ": " + provenance.provider() + " recorded " + action.type() + " by "
					+ Wording.valueOrNone(provenance.principal()) + " in account "
					+ Wording.valueOrNone(provenance.account()) + " (event "
					+ Wording.valueOrNone(provenance.providerEventId()) + ") under envelope " + context.envelope().id()
					+ ", which requires a rationale; no agent record names this event"));
	}

}
