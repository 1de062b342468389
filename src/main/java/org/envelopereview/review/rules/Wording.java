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

	/** The subject of an action finding: {@code a-000001 (sg-0a1b2c3d)}. */
	static String subject(Action action) {
		return action.id() + " (" + valueOrNone(action.resource()) + ")";
	}

	/**
	 * How an action finding's explanation begins: its subject, and for a failed attempt
	 * what was tried and the provider's error code, e.g.
	 * {@code a-000001 (sg-0a1b2c3d): tried security_group.ingress.add (Client.UnauthorizedOperation): }.
	 */
	static String lead(Action action) {
		return subject(action) + ": " + (failed(action) ? tried(action) + ": " : "");
	}

	/** {@code ran <type>}, or for a failed attempt {@code tried <type>}. */
	static String ran(Action action) {
		return (failed(action) ? "tried " : "ran ") + action.type();
	}

	/**
	 * How a sentence about a failed attempt ends: the provider's error code in
	 * parentheses; nothing for a change that took effect.
	 */
	static String failure(Action action) {
		if (!failed(action)) {
			return "";
		}
		String errorCode = ActionFields.blankToNull(action.errorCode());
		return " (" + ((errorCode != null) ? errorCode : "failed, no error code") + ")";
	}

	static boolean failed(Action action) {
		return action.outcome() == Action.Outcome.FAILED;
	}

	private static String tried(Action action) {
		return ran(action) + failure(action);
	}

	static String valueOrNone(String value) {
		return (value != null && !value.isBlank()) ? value : ScopeMatcher.NONE;
	}

	/**
	 * The usual evidence of an action finding: the action's identity, what it opened
	 * (protocol, ports, CIDR as normalised and, when different, as the provider recorded
	 * it), its outcome and error code, and what it recorded as rationale and
	 * authorization, for the register.
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
			.evidence("errorCode", failed(action) ? action.errorCode() : null)
			.evidence("protocol", action.protocol())
			.evidence("ports", action.ports())
			.evidence("cidr", action.cidr())
			.evidence("recordedCidr",
					(action.recordedCidr() != null && !action.recordedCidr().equals(action.cidr()))
							? action.recordedCidr() : null)
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
