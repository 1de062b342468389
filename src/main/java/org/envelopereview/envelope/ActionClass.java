package org.envelopereview.envelope;

import java.time.Duration;

/**
 * One class of change an envelope authorizes.
 *
 * @param type a canonical action type, e.g. {@code security_group.ingress.add}
 * @param tier the governance tier of this class (the envelope's tier when the file omits
 * it)
 * @param maxDuration how long a temporary change may stay before it must be reverted, or
 * {@code null}
 */
public record ActionClass(String type, int tier, Scope scope, Duration maxDuration) {

	public boolean temporary() {
		return this.maxDuration != null;
	}

}
