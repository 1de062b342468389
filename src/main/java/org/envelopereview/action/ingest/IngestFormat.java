package org.envelopereview.action.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** The input formats {@code ingest} reads. */
public enum IngestFormat {

	/** Native records, one JSON object per line (SPEC §3). */
	JSONL,
	/** Native records as CSV with a header row, nested fields flattened with dots. */
	CSV,
	/**
	 * AWS CloudTrail: {@code {"Records":[…]}} files, JSON arrays of events, one event per
	 * line, the LookupEvents response and its entries, EventBridge events.
	 */
	CLOUDTRAIL;

	private static final Pattern CLOUDTRAIL_DOCUMENT = Pattern
		.compile("^\\s*\\{\\s*\"(Records|Events|NextToken)\"\\s*:", Pattern.DOTALL);

	private static final Pattern CLOUDTRAIL_EVENT = Pattern
		.compile("\"(eventVersion|eventSource|eventName|CloudTrailEvent|EventName|detail-type)\"\\s*:");

	/** The value for {@code --format}. */
	public String optionValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Guesses the format from the first bytes of the (decompressed) input and its name: a
	 * JSON array (only CloudTrail comes as one), a {@code Records} or {@code Events}
	 * object, or an event with CloudTrail's field names (on its first line, or anywhere
	 * in the head of a pretty-printed object) is CloudTrail, any other JSON object is
	 * native JSON Lines, and anything else is CSV.
	 */
	static IngestFormat detect(byte[] head, int length, String name) {
		String text = new String(head, 0, length, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		String trimmed = text.stripLeading();
		if (trimmed.startsWith("[")) {
			return CLOUDTRAIL;
		}
		if (trimmed.startsWith("{")) {
			if (CLOUDTRAIL_DOCUMENT.matcher(trimmed).find()) {
				return CLOUDTRAIL;
			}
			int endOfLine = trimmed.indexOf('\n');
			String firstLine = (endOfLine >= 0) ? trimmed.substring(0, endOfLine) : trimmed;
			boolean pretty = firstLine.strip().equals("{");
			return CLOUDTRAIL_EVENT.matcher(pretty ? trimmed : firstLine).find() ? CLOUDTRAIL : JSONL;
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl.gz")) {
			return JSONL;
		}
		return CSV;
	}

}
