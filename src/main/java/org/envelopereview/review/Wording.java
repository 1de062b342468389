package org.envelopereview.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.envelopereview.action.Action;

/** Shared wording and date conventions of findings (SPEC §4 "Dates"). */
final class Wording {

	private Wording() {
	}

	/** The subject of an action finding: {@code a-000001 (sg-0a1b2c3d)}. */
	static String subject(Action action) {
		return action.id() + " (" + valueOrNone(action.resource()) + ")";
	}

	static String valueOrNone(String value) {
		return (value != null && !value.isBlank()) ? value : ScopeMatcher.NONE;
	}

	/** The usual evidence of an action finding. */
	static Breach.Builder withAction(Breach.Builder builder, Action action) {
		return builder.action(action.id())
			.envelope(blankToNull(action.envelopeId()))
			.evidence("occurredAt", action.occurredAt())
			.evidence("agent", action.agent())
			.evidence("type", action.type())
			.evidence("resource", action.resource())
			.evidence("outcome", action.outcome().name().toLowerCase(java.util.Locale.ROOT));
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	static Instant startOfDay(LocalDate date) {
		return date.atStartOfDay().toInstant(ZoneOffset.UTC);
	}

	/** The first instant after an inclusive date such as expiresAt or activeUntil. */
	static Instant endOfDay(LocalDate date) {
		return startOfDay(date.plusDays(1));
	}

}
