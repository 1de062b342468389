package org.envelopereview.action;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.envelopereview.system.Sha256;

/**
 * A record that could not become an action, as one row of {@code quarantined_record}
 * (public only so that Jdbi can read its accessors).
 */
public record QuarantineRow(Long ingestSourceId, String sourceName, long lineNumber, String recordId,
		OffsetDateTime occurredAt, String reason, String rawText, boolean rawTruncated, String rawSha256,
		OffsetDateTime quarantinedAt) {

	static final int MAX_RAW = 4000;

	static final int MAX_REASON = 1000;

	static QuarantineRow of(Long ingestSourceId, String sourceName, long line, String raw, String reason,
			String recordId, Instant occurredAt, Instant now) {
		String text = (raw != null) ? raw : "";
		boolean truncated = text.length() > MAX_RAW;
		String boundedReason = (reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON - 3) + "..." : reason;
		String boundedId = (recordId != null && recordId.length() > 200) ? recordId.substring(0, 200) : recordId;
		return new QuarantineRow(ingestSourceId, sourceName, line, boundedId, ActionRow.utc(occurredAt), boundedReason,
				truncated ? text.substring(0, MAX_RAW) : text, truncated, sha256(text), ActionRow.utc(now));
	}

	private static String sha256(String text) {
		return Sha256.hex(text);
	}

}
