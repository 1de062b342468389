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
	CLOUDTRAIL,
	/**
	 * Google Cloud Audit Logs: Cloud Logging entries one per line or in a JSON array,
	 * {@code {"entries":[…]}}, Pub/Sub sink messages.
	 */
	GCP_AUDIT,
	/**
	 * Azure Activity Log: the portal/CLI JSON array, Event Hub and storage
	 * {@code {"records":[…]}} files and lines, Log Analytics {@code AzureActivity} rows.
	 */
	AZURE_ACTIVITY;

	private static final Pattern CLOUDTRAIL_DOCUMENT = Pattern
		.compile("^\\s*\\{\\s*\"(Records|Events|NextToken)\"\\s*:", Pattern.DOTALL);

	private static final Pattern CLOUDTRAIL_EVENT = Pattern
		.compile("\"(eventVersion|eventSource|eventName|CloudTrailEvent|EventName|detail-type)\"\\s*:");

	private static final Pattern CLOUDTRAIL_ONLY = Pattern
		.compile("\"(eventVersion|eventSource|CloudTrailEvent|detail-type)\"\\s*:");

	private static final Pattern GCP_DOCUMENT = Pattern.compile("^\\s*\\{\\s*\"(entries|receivedMessages)\"\\s*:",
			Pattern.DOTALL);

	private static final Pattern GCP_ENTRY = Pattern.compile("\"(protoPayload|logName|ackId)\"\\s*:");

	private static final Pattern AZURE_DOCUMENT = Pattern.compile("^\\s*\\{\\s*\"(records|value)\"\\s*:",
			Pattern.DOTALL);

	private static final Pattern AZURE_ENTRY = Pattern
		.compile("\"(operationName|OperationNameValue|operation_name|eventDataId|EventDataId|event_data_id)\"\\s*:");

	/** The value for {@code --format}. */
	public String optionValue() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Guesses the format from the first bytes of the (decompressed) input and its name: a
	 * JSON array, a document object or an entry (on its first line, or anywhere in the
	 * head of a pretty-printed object) with Google Cloud's field names
	 * ({@code protoPayload}, {@code logName}, an {@code entries} object) is Google Cloud,
	 * with Azure's ({@code operationName}, {@code eventDataId}, a {@code records} object)
	 * Azure; otherwise a JSON array, a {@code Records} or {@code Events} object, or an
	 * event with CloudTrail's field names is CloudTrail, any other JSON object is native
	 * JSON Lines, and anything else is CSV.
	 */
	static IngestFormat detect(byte[] head, int length, String name) {
		String text = new String(head, 0, length, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		String trimmed = text.stripLeading();
		if (trimmed.startsWith("[")) {
			return cloudByFieldNames(trimmed, CLOUDTRAIL);
		}
		if (trimmed.startsWith("{")) {
			if (GCP_DOCUMENT.matcher(trimmed).find()) {
				return GCP_AUDIT;
			}
			if (AZURE_DOCUMENT.matcher(trimmed).find()) {
				return AZURE_ACTIVITY;
			}
			if (CLOUDTRAIL_DOCUMENT.matcher(trimmed).find()) {
				return CLOUDTRAIL;
			}
			int endOfLine = trimmed.indexOf('\n');
			String firstLine = (endOfLine >= 0) ? trimmed.substring(0, endOfLine) : trimmed;
			boolean pretty = firstLine.strip().equals("{");
			String start = pretty ? trimmed : firstLine;
			return cloudByFieldNames(start, CLOUDTRAIL_EVENT.matcher(start).find() ? CLOUDTRAIL : JSONL);
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl.gz")) {
			return JSONL;
		}
		return CSV;
	}

	/**
	 * Google Cloud's and Azure's entries by field names the others never use (Azure's
	 * entries also have an {@code eventName}, as CloudTrail's do).
	 */
	private static IngestFormat cloudByFieldNames(String head, IngestFormat otherwise) {
		if (CLOUDTRAIL_ONLY.matcher(head).find()) {
			return CLOUDTRAIL;
		}
		if (GCP_ENTRY.matcher(head).find()) {
			return GCP_AUDIT;
		}
		if (AZURE_ENTRY.matcher(head).find()) {
			return AZURE_ACTIVITY;
		}
		return otherwise;
	}

}
