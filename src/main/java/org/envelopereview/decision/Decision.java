package org.envelopereview.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One board decision about one envelope, as recorded.
 *
 * @param decidedAt the day of the decision (00:00 UTC)
 * @param dueDate when the decision must be applied (00:00 UTC); {@code null} for a
 * deferral
 * @param justification why; for a deferral, the reason
 * @param requiredChange for a revise, the change the envelope needs, in words
 * @param line the line of the entry in the decisions file
 */
public record Decision(String envelopeId, DecisionKind kind, String decidedBy, LocalDate decidedAt, LocalDate dueDate,
		String justification, String requiredChange, int line) {

	/** The instant the decision was taken: 00:00 UTC of {@code decidedAt}. */
	public Instant decidedInstant() {
		return this.decidedAt.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The instant the decision falls due: 00:00 UTC of {@code dueDate}, or null. */
	public Instant dueInstant() {
		return (this.dueDate != null) ? this.dueDate.atStartOfDay(ZoneOffset.UTC).toInstant() : null;
	}

}
