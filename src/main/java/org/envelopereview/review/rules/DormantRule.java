package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

import org.springframework.stereotype.Component;

/**
 * ENV-DORMANT: no action named the envelope in the whole period (failed attempts count as
 * use: an agent still relies on it).
 */
@Component
class DormantRule implements EnvelopeRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.ENV_DORMANT);
	}

	@Override
	public void evaluate(Envelope envelope, EnvelopeContext context, Consumer<Breach> breaches) {
		if (context.attempts() > 0) {
			return;
		}
		breaches.accept(Breach.of(FindingCode.ENV_DORMANT)
			.envelope(envelope.id())
			.evidence("actions", 0)
			.explain(envelope.id() + " was not used in " + context.period().label()
					+ ": consider retiring it or narrowing what it allows"));
	}

}
