package org.envelopereview.review.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionFields;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.review.rules.ActionContext;
import org.envelopereview.review.rules.ActionRule;
import org.envelopereview.review.rules.Reconciliation;
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
				item.revertedAt(), item.reconciliation());
		boolean inPeriod = context.inPeriod(action);
		boolean failed = action.outcome() == Action.Outcome.FAILED;
		List<StoredFinding> findings = new ArrayList<>(0);
		Reconciliation reconciliation = item.reconciliation();
		Consumer<Breach> routed = (breach) -> findings
			.addAll(this.router.route(reconciled(breach, reconciliation), this.inputs));
		for (ActionRule rule : this.rules) {
			if ((!inPeriod && !rule.judgesActionsBeforeThePeriod()) || (failed && !rule.judgesFailedAttempts())) {
				continue;
			}
			rule.evaluate(action, context, routed);
		}
		return findings.isEmpty() ? null : findings;
	}

	/**
	 * A finding on a provider action judged with an agent record names that record and
	 * shows where the two disagreed (SPEC §7: the provider's value wins, the difference
	 * is evidence).
	 */
	private static Breach reconciled(Breach breach, Reconciliation reconciliation) {
		if (!reconciliation.joined()) {
			return breach;
		}
		SortedMap<String, String> evidence = new TreeMap<>(breach.evidence());
		evidence.put("agentRecord", reconciliation.agentRecordId());
		evidence.putAll(reconciliation.differences());
		return new Breach(breach.code(), breach.severity(), breach.envelopeId(), breach.actionId(), breach.boardId(),
				breach.discriminator(), breach.explanation(), evidence);
	}

}
