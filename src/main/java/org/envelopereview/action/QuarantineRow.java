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

	public static final int MAX_RAW = 4000;

	static final int MAX_REASON = 1000;

	public static QuarantineRow of(Long ingestSourceId, String sourceName, long line, String raw, String reason,
			String recordId, Instant occurredAt, Instant now) {
		String original = (raw != null) ? raw : "";
		String text = shown(original);
		boolean truncated = text.length() > MAX_RAW;
		String shownReason = shown(reason);
		String boundedReason = (shownReason.length() > MAX_REASON) ? shownReason.substring(0, MAX_REASON - 3) + "..."
				: shownReason;
		String shownId = shown(recordId);
		String boundedId = (shownId != null && shownId.length() > 200) ? shownId.substring(0, 200) : shownId;
		return new QuarantineRow(ingestSourceId, sourceName, line, boundedId, ActionRow.utc(occurredAt), boundedReason,
				truncated ? text.substring(0, MAX_RAW) : text, truncated, sha256(original), ActionRow.utc(now));
	}

	/**
	 * Bad input is kept as evidence, but shown in the pack and stored in PostgreSQL
	 * (which cannot hold NUL): control and bidi-control characters become visible escapes
	 * (a backslash, u and four hex digits); the digest is of the text as read.
	 */
	public static String shown(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder shown = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean hidden = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
					|| (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
			if (hidden && shown == null) {
				shown = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			if (shown != null) {
				if (hidden) {
					shown.append(String.format("\\u%04X", (int) c));
				}
				else {
					shown.append(c);
				}
			}
		}
		return (shown != null) ? shown.toString() : text;
	}

	private static String sha256(String text) {
		return Sha256.hex(text);
	}

}
