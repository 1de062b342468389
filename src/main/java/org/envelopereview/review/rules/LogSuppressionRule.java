package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionFields;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

import org.springframework.stereotype.Component;

/**
 * LOG-SUPPRESSION: a {@code logging.config.modify} or {@code inspection.bypass} that is
 * not under a tier-4 change (tier 4 with a change ref and an approver active at the
 * time). Attempts count too: trying to switch off the evidence is the breach.
 */
@Component
class LogSuppressionRule implements ActionRule {

	static final Set<String> SUPPRESSING_TYPES = Set.of("logging.config.modify", "inspection.bypass");

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.LOG_SUPPRESSION);
	}

	@Override
	public void evaluate(Action action, ActionContext context, Consumer<Breach> breaches) {
		if (!SUPPRESSING_TYPES.contains(action.type())) {
			return;
		}
		int tier = context.tier(action).orElse(0);
		String missing;
		if (!context.hasEnvelope()) {
			missing = "no envelope";
		}
		else if (tier != 4) {
			missing = "tier " + tier + " instead of tier 4";
		}
		else {
			missing = Tier4ChangeRule.missing(action, context);
			if (missing == null) {
				return;
			}
		}
		breaches.accept(Wording.withAction(Breach.of(FindingCode.LOG_SUPPRESSION), action)
			.evidence("tier", (tier != 0) ? tier : null)
			.evidence("changeRef", ActionFields.blankToNull(action.changeRef()))
			.explain(Wording.lead(action) + action.type() + " by " + action.agent() + " is not under a tier-4 change ("
					+ missing + ")"));
	}

}
