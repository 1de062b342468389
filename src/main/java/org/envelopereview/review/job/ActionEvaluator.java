package org.envelopereview.review.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionFields;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.review.rules.ActionContext;
import org.envelopereview.review.rules.ActionRule;
import org.envelopereview.review.run.FindingRouter;
import org.envelopereview.review.run.RunInputs;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The evaluate step's processor: runs every action rule that applies to the action and
 * routes what they find. Actions from before the period are judged only by rules about
 * deadlines that fall inside it; failed attempts only by rules about authority.
 */
class ActionEvaluator implements ItemProcessor<ReviewedAction, List<StoredFinding>> {

	private final List<ActionRule> rules;

	private final FindingRouter router;

	private final RunInputs inputs;

	/** By id: the catalog's own look-up is a scan, and this runs once per action. */
	private final Map<String, Envelope> envelopes = new HashMap<>();

	ActionEvaluator(List<ActionRule> rules, FindingRouter router, RunInputs inputs) {
		this.rules = List.copyOf(rules);
		this.router = router;
		this.inputs = inputs;
		inputs.catalog().envelopes().forEach((envelope) -> this.envelopes.putIfAbsent(envelope.id(), envelope));
	}

	@Override
	public List<StoredFinding> process(ReviewedAction item) {
		Action action = item.action();
		String envelopeId = ActionFields.blankToNull(action.envelopeId());
		Envelope envelope = (envelopeId != null) ? this.envelopes.get(envelopeId) : null;
		ActionContext context = new ActionContext(this.inputs.period(), envelope, this.inputs.catalog().directory(),
				item.revertedAt());
		boolean inPeriod = context.inPeriod(action);
		boolean failed = action.outcome() == Action.Outcome.FAILED;
		List<StoredFinding> findings = new ArrayList<>(0);
		Consumer<Breach> routed = (breach) -> findings.addAll(this.router.route(breach, this.inputs));
		for (ActionRule rule : this.rules) {
			if ((!inPeriod && !rule.judgesActionsBeforeThePeriod()) || (failed && !rule.judgesFailedAttempts())) {
				continue;
			}
			rule.evaluate(action, context, routed);
		}
		return findings.isEmpty() ? null : findings;
	}

}
