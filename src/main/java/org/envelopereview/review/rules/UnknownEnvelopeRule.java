package org.envelopereview.review.rules;

import java.time.Instant;

import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.period.Period;

/**
 * ENV-UNKNOWN: actions in the period name an envelope id that no envelope file declares.
 * Ids declared by invalid files are not unknown: ENV-INVALID reports those.
 */
public final class UnknownEnvelopeRule {

	/** The code of the breaches this rule produces. */
	public static final FindingCode CODE = FindingCode.ENV_UNKNOWN;

	private UnknownEnvelopeRule() {
	}

	public static Breach breach(UnknownEnvelopeUse use, Period period) {
		return Breach.of(CODE)
			.envelope(use.envelopeId())
			.evidence("envelope", use.envelopeId())
			.evidence("actions", use.actions())
			.evidence("firstAction", use.firstActionId())
			.evidence("firstAt", use.firstAt())
			.evidence("lastAt", use.lastAt())
			.explain(use.actions() + " action(s) in " + period.label() + " name envelope " + use.envelopeId()
					+ ", which does not exist (first " + use.firstActionId() + " at " + use.firstAt() + ")");
	}

	/** How the period's actions used an envelope id. */
	public record UnknownEnvelopeUse(String envelopeId, long actions, String firstActionId, Instant firstAt,
			Instant lastAt) {
	}

}
