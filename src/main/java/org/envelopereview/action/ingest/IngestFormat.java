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
	 * AWS CloudTrail: {@code {"Records":[…]}} files, one event per line, or the
	 * LookupEvents shape.
	 */
	CLOUDTRAIL;

	private static final Pattern RECORDS_FILE = Pattern.compile("^\\s*\\{\\s*\"Records\"\\s*:", Pattern.DOTALL);

	private static final Pattern CLOUDTRAIL_EVENT = Pattern
		.compile("\"(eventVersion|eventSource|eventName|CloudTrailEvent|EventName)\"\\s*:");

	/** The value for {@code --format}. */
	public String optionValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Guesses the format from the first bytes of the (decompressed) input and its name: a
	 * {@code Records} object or an event with CloudTrail's field names is CloudTrail, any
	 * other JSON object is native JSON Lines, and anything else is CSV.
	 */
	static IngestFormat detect(byte[] head, int length, String name) {
		String text = new String(head, 0, length, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		String trimmed = text.stripLeading();
		if (trimmed.startsWith("{")) {
			if (RECORDS_FILE.matcher(trimmed).find()) {
				return CLOUDTRAIL;
			}
			int endOfLine = trimmed.indexOf('\n');
			String firstLine = (endOfLine >= 0) ? trimmed.substring(0, endOfLine) : trimmed;
			return CLOUDTRAIL_EVENT.matcher(firstLine).find() ? CLOUDTRAIL : JSONL;
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl.gz")) {
			return JSONL;
		}
		return CSV;
	}

}
