package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

import org.springframework.stereotype.Component;

/** ENV-COMPLIANCE-STALE: a compliance reference retired or superseded by period end. */
@Component
class ComplianceStaleRule implements EnvelopeRule {

	private final ComplianceRetirements retirements;

	ComplianceStaleRule(ComplianceRetirements retirements) {
		this.retirements = retirements;
	}

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.ENV_COMPLIANCE_STALE);
	}

	@Override
	public void evaluate(Envelope envelope, EnvelopeContext context, Consumer<Breach> breaches) {
		for (String ref : envelope.compliance()) {
			this.retirements.retirement(ref)
				.filter((retirement) -> retirement.retiredAt(context.period().lastInstant()))
				.ifPresent((retirement) -> breaches.accept(Breach.of(FindingCode.ENV_COMPLIANCE_STALE)
					.envelope(envelope.id())
					.about(ref)
					.evidence("compliance", ref)
					.evidence("retiredOn", retirement.retiredOn())
					.evidence("supersededBy", retirement.supersededBy())
					.explain(envelope.id() + " cites " + ref + ", retired after " + retirement.retiredOn()
							+ ((retirement.supersededBy() != null) ? " and superseded by " + retirement.supersededBy()
									: ""))));
		}
	}

}
