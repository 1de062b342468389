package org.envelopereview.action;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What one ingested source of a provider's audit log covers for one account and region:
 * the first and last time of the events read from it (SPEC §7), as one row of
 * {@code provider_coverage} (public only so that Jdbi can read its accessors).
 *
 * @param account the account, or {@code null} for events that carried none
 * @param region the region, or {@code null} for events that carried none
 * @param events how many events of the source fell in it
 */
public record ProviderSpan(long ingestSourceId, String provider, String account, String region, OffsetDateTime firstAt,
		OffsetDateTime lastAt, long events) {

	public static ProviderSpan of(long ingestSourceId, String provider, String account, String region, Instant first,
			Instant last, long events) {
		return new ProviderSpan(ingestSourceId, provider, account, region, ActionRow.utc(first), ActionRow.utc(last),
				events);
	}

}
