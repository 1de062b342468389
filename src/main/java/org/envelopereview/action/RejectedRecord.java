package org.envelopereview.action;

import java.time.Instant;

/**
 * A record that cannot become an action. Carries what could be read of it so the
 * quarantine can still place it in its period.
 */
class RejectedRecord extends RuntimeException {

	private final String recordId;

	private final Instant occurredAt;

	RejectedRecord(String reason, String recordId, Instant occurredAt) {
		super(reason, null, false, false);
		this.recordId = recordId;
		this.occurredAt = occurredAt;
	}

	String reason() {
		return getMessage();
	}

	String recordId() {
		return this.recordId;
	}

	Instant occurredAt() {
		return this.occurredAt;
	}

}
