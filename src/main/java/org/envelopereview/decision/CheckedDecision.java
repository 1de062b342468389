package org.envelopereview.decision;

/**
 * A recorded decision as one review found it.
 *
 * @param detail what shows it applied, or what is missing, with the concrete values
 * @param actionId for a retire, the first action under the envelope after its due date,
 * or {@code null}
 */
public record CheckedDecision(RecordedDecision recorded, DecisionStatus status, String detail, String actionId) {
}
