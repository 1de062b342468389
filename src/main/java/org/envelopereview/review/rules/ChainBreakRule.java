package org.envelopereview.review.rules;

import java.util.Optional;

import org.envelopereview.action.chain.ChainBreak;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.period.Period;

/**
 * LOG-CHAIN-BROKEN: a break in an agent's hash chain. A break belongs to the period its
 * row falls in; a break whose time is unknown (a missing row) is reported in every
 * period's run, because it cannot be placed and must not vanish.
 */
public final class ChainBreakRule {

	/** The code of the breaches this rule produces. */
	public static final FindingCode CODE = FindingCode.LOG_CHAIN_BROKEN;

	private ChainBreakRule() {
	}

	public static boolean belongsTo(ChainBreak chainBreak, Period period) {
		return chainBreak.occurredAt() == null || period.contains(chainBreak.occurredAt());
	}

	public static Breach breach(ChainBreak chainBreak, Optional<String> envelopeId) {
		String where = "agent " + chainBreak.agent() + " seq " + chainBreak.seq()
				+ ((chainBreak.actionId() != null) ? " (" + chainBreak.actionId() + ")" : "");
		return Breach.of(CODE)
			.envelope(envelopeId.orElse(null))
			.action(chainBreak.actionId())
			.about(chainBreak.agent() + "#" + chainBreak.seq() + "#" + chainBreak.kind())
			.evidence("agent", chainBreak.agent())
			.evidence("seq", chainBreak.seq())
			.evidence("kind", chainBreak.kind().name())
			.evidence("occurredAt", chainBreak.occurredAt())
			.evidence("detail", chainBreak.detail())
			.explain("audit trail broken at " + where + ": " + describe(chainBreak.kind())
					+ ((chainBreak.detail() != null && !chainBreak.detail().isBlank()) ? " — " + chainBreak.detail()
							: ""));
	}

	private static String describe(ChainBreak.Kind kind) {
		return switch (kind) {
			case HASH_MISMATCH -> "the stored hash does not match the row (edited)";
			case PREV_HASH_MISMATCH -> "prevHash does not match the previous row (inserted, removed or reordered)";
			case SEQ_GAP -> "seq skips numbers (rows deleted)";
			case SEQ_REPEAT -> "seq repeats or goes backwards (rows inserted or reordered)";
			case CHECKPOINT_MISMATCH ->
				"the row an earlier run verified as the chain's checkpoint is missing or changed (history rewritten)";
		};
	}

}
