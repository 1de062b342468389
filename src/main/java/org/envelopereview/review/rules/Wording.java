package org.envelopereview.review.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionFields;
import org.envelopereview.finding.Breach;
import org.envelopereview.review.scope.ScopeMatcher;

/** Shared wording and date conventions of findings (SPEC §4 "Dates"). */
public final class Wording {

	private Wording() {
	}

	/** The subject of an action finding: {@code a-000001 (sg-0a1b2c3d)}. */
	/**
	 * A count as a reader takes it in: exact up to 2^32, beyond that a power of two when
	 * it is one (an IPv6 /64 opens 2^64 addresses) or three significant digits.
	 */
	static String count(java.math.BigInteger count) {
		if (count.compareTo(java.math.BigInteger.ONE.shiftLeft(32)) <= 0) {
			return count.toString();
		}
		if (count.bitCount() == 1) {
			return "2^" + (count.bitLength() - 1);
		}
		return new java.math.BigDecimal(count).round(new java.math.MathContext(3)).toString().replace("E+", "e");
	}

	static String subject(Action action) {
		return action.id() + " (" + valueOrNone(action.resource()) + ")";
	}

	static String valueOrNone(String value) {
		return (value != null && !value.isBlank()) ? value : ScopeMatcher.NONE;
	}

	/** The usual evidence of an action finding. */
	/**
	 * The action's identity plus what it recorded as rationale and authorization, for the
	 * register.
	 */
	static Breach.Builder withAction(Breach.Builder builder, Action action) {
		Action.Rationale rationale = (action.rationale() != null) ? action.rationale() : Action.Rationale.NONE;
		Action.ApprovalRecord approval = (action.approval() != null) ? action.approval() : Action.ApprovalRecord.NONE;
		return builder.action(action.id())
			.envelope(ActionFields.blankToNull(action.envelopeId()))
			.evidence("occurredAt", action.occurredAt())
			.evidence("agent", action.agent())
			.evidence("type", action.type())
			.evidence("resource", action.resource())
			.evidence("outcome", action.outcome().name().toLowerCase(java.util.Locale.ROOT))
			.evidence("rationale.signal", rationale.signal())
			.evidence("rationale.text", rationale.text())
			.evidence("rationale.confidence", rationale.confidence())
			.evidence("approval.ref", approval.ref())
			.evidence("approval.approver", approval.approver())
			.evidence("changeRef", action.changeRef())
			.evidence("recordedCidr", action.recordedCidr())
			.evidence("principal", action.provenance().principal())
			.evidence("account", action.provenance().account());
	}

	static Instant startOfDay(LocalDate date) {
		return date.atStartOfDay().toInstant(ZoneOffset.UTC);
	}

	/** The first instant after an inclusive date such as expiresAt or activeUntil. */
	static Instant endOfDay(LocalDate date) {
		return startOfDay(date.plusDays(1));
	}

}
