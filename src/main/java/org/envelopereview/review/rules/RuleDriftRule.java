package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

import org.springframework.stereotype.Component;

/**
 * EXP-RULE-DRIFT: more permissive rules open at period end than at period start, per
 * envelope and resource (rules added minus those reverted or removed).
 */
@Component
class RuleDriftRule implements EnvelopeRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.EXP_RULE_DRIFT);
	}

	@Override
	public void evaluate(Envelope envelope, EnvelopeContext context, Consumer<Breach> breaches) {
		context.current().rulesByResource().forEach((resource, rules) -> {
			if (rules.end() <= rules.start()) {
				return;
			}
			breaches.accept(Breach.of(FindingCode.EXP_RULE_DRIFT)
				.envelope(envelope.id())
				.about(resource)
				.evidence("resource", resource)
				.evidence("openAtStart", rules.start())
				.evidence("openAtEnd", rules.end())
				.explain(envelope.id() + ": " + resource + " has " + rules.end()
						+ " permissive rules open and not reverted at the end of " + context.period().label()
						+ " against " + rules.start() + " at its start"));
		});
	}

}
