package org.envelopereview.decision;

/** What a review found when it checked a recorded decision. */
public enum DecisionStatus {

	/** The envelope files and the history show the decision carried out. */
	APPLIED("applied"),
	/** Not carried out, and its due date has passed (DEC-NOT-APPLIED). */
	NOT_APPLIED("not applied"),
	/** Not carried out yet, but not due before the period's end. */
	PENDING("not yet due"),
	/** The board deferred the decision; nothing to check. */
	DEFERRED("deferred");

	private final String label;

	DecisionStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
