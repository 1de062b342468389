package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

import org.springframework.stereotype.Component;

/**
 * ENV-DORMANT: no action named the envelope in the whole period (failed attempts count as
 * use: an agent still relies on it). A period that ends before the envelope's approval
 * date (00:00 UTC of that day) is no dormancy: nothing could act under it yet (SPEC §7).
 */
@Component
class DormantRule implements EnvelopeRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.ENV_DORMANT);
	}

	@Override
	public void evaluate(Envelope envelope, EnvelopeContext context, Consumer<Breach> breaches) {
		if (context.attempts() > 0 || endsBeforeApproval(envelope, context)) {
			return;
		}
		breaches.accept(Breach.of(FindingCode.ENV_DORMANT)
			.envelope(envelope.id())
			.evidence("actions", 0)
			.explain(envelope.id() + " was not used in " + context.period().label()
					+ ": consider retiring it or narrowing what it allows"));
	}

	private static boolean endsBeforeApproval(Envelope envelope, EnvelopeContext context) {
		Envelope.Approval approval = envelope.approval();
		return approval != null && approval.approvedAt() != null
				&& !Wording.startOfDay(approval.approvedAt()).isBefore(context.period().end());
	}

}
