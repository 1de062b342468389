package org.envelopereview.action;

import java.time.Instant;

/**
 * A record that cannot become an action. Carries what could be read of it so the
 * quarantine can still place it in its period.
 */
public class RejectedRecord extends RuntimeException {

	private final String recordId;

	private final Instant occurredAt;

	public RejectedRecord(String reason, String recordId, Instant occurredAt) {
		super(reason, null, false, false);
		this.recordId = recordId;
		this.occurredAt = occurredAt;
	}

	public String reason() {
		return getMessage();
	}

	public String recordId() {
		return this.recordId;
	}

	public Instant occurredAt() {
		return this.occurredAt;
	}

}
