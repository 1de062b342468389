package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

import org.springframework.stereotype.Component;

/** ENV-EXPIRED: expiresAt (inclusive) ends before the period does. */
@Component
class ExpiredRule implements EnvelopeRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.ENV_EXPIRED);
	}

	@Override
	public void evaluate(Envelope envelope, EnvelopeContext context, Consumer<Breach> breaches) {
		if (envelope.expiresAt() == null
				|| context.period().lastInstant().isBefore(Wording.endOfDay(envelope.expiresAt()))) {
			return;
		}
		breaches.accept(Breach.of(FindingCode.ENV_EXPIRED)
			.envelope(envelope.id())
			.evidence("expiresAt", envelope.expiresAt())
			.explain(envelope.id() + " expired after " + envelope.expiresAt() + ", before the end of "
					+ context.period().label()));
	}

}
