package org.envelopereview.action;

/**
 * An action as stored, with where it came from (for duplicate and conflict messages).
 */
public record StoredAction(Action action, String chainedBy, String sourceName, Long sourceLine) {

	public String origin() {
		return ((this.sourceName != null) ? this.sourceName : "an earlier ingest") + ":"
				+ ((this.sourceLine != null) ? this.sourceLine : "?");
	}

}
