package org.envelopereview.envelope;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Someone who may approve envelopes and tier-3/4 actions, from the directory in
 * boards.yaml.
 *
 * @param activeUntil inclusive: the approver is active through the end of that day;
 * {@code null} when open
 */
public record Approver(String email, String name, LocalDate activeFrom, LocalDate activeUntil) {

	public boolean activeAt(Instant instant) {
		Instant from = this.activeFrom.atStartOfDay().toInstant(ZoneOffset.UTC);
		if (instant.isBefore(from)) {
			return false;
		}
		return this.activeUntil == null
				|| instant.isBefore(this.activeUntil.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
	}

}
