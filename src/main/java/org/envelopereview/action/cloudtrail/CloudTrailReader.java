package org.envelopereview.action.cloudtrail;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.action.ActionFields;
import org.envelopereview.action.ActionRecordReader;
import org.envelopereview.action.BoundedLineReader;
import org.envelopereview.action.RecordSink;
import org.envelopereview.action.RejectedRecord;
import org.envelopereview.action.SourceRecord;
import org.envelopereview.action.UnrecognisedInputException;
import org.envelopereview.action.provider.BoundedJsonParser;
import org.envelopereview.action.provider.CapturedInput;

/**
 * AWS CloudTrail in the shapes it is exported in, told apart by content: the S3 log files
 * ({@code {"Records":[…]}}), a plain JSON array of events ({@code jq -s}, SIEM exports),
 * the LookupEvents response ({@code {"Events":[…]}}, each event a JSON string in
 * {@code CloudTrailEvent}), one event (or one LookupEvents entry, or one {@code Records}
 * object) per line, and EventBridge events ({@code "detail-type": "AWS API Call via
 * CloudTrail"}, the event in {@code detail}), one per line or in an array. Documents are
 * streamed one event at a time; an input whose first record is none of these is rejected
 * as a whole.
 */
public final class CloudTrailReader implements ActionRecordReader {

	/** What the rejection of an input says it should have been. */
	static final String ACCEPTED_SHAPES = "accepted: a CloudTrail log file {\"Records\":[…]}, a JSON array of "
			+ "events, one event per line, a LookupEvents response {\"Events\":[…]} or its entries, EventBridge "
			+ "events {\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":{…}}";

	private static final Pattern CONTAINER = Pattern.compile("^\\s*\\{\\s*\"(Records|Events|NextToken)\"\\s*:",
			Pattern.DOTALL);

	private static final Pattern ARRAY = Pattern.compile("^\\s*\\[", Pattern.DOTALL);

	/**
	 * A pretty-printed document: its first line opens an object and holds nothing else.
	 */
	private static final Pattern PRETTY_OBJECT = Pattern.compile("^\\s*\\{\\s*\\r?\\n", Pattern.DOTALL);

	private final int maxRecordBytes;

	private final CloudTrailMapper mapper;

	private final JsonMapper json;

	/** Reads one event of a document, leaving the parser on the event's end. */
	private final ObjectReader eventReader;

	public CloudTrailReader(int maxRecordBytes, CloudTrailMapper mapper) {
		this.maxRecordBytes = maxRecordBytes;
		this.mapper = mapper;
		// A value is read whole before the record's size is checked: Jackson stops at one
		// far longer than any record may be, so memory stays bounded (the rest of such a
		// document cannot be delimited any more)
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxStringLength((int) Math.min(Integer.MAX_VALUE, Math.max(4L * maxRecordBytes, 4096)))
			.build();
		this.json = JsonMapper
			.builder(JsonFactory.builder()
				.disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
				.streamReadConstraints(constraints)
				.build())
			.build();
		this.eventReader = this.json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	@Override
	public void read(InputStream input, RecordSink sink) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(input, 64 * 1024);
		buffered.mark(4096);
		byte[] head = buffered.readNBytes(4096);
		buffered.reset();
		String text = new String(head, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		Input state = new Input(sink);
		boolean container = CONTAINER.matcher(text).find();
		if (container || ARRAY.matcher(text).find() || PRETTY_OBJECT.matcher(text).find()) {
			readDocument(buffered, container, state);
		}
		else {
			readLines(buffered, state);
		}
	}

	/**
	 * Streams a document: {@code {"Records":[…]}} or {@code {"Events":[…]}} objects,
	 * arrays of events, or pretty-printed events, one after another. Only one event is
	 * held at a time, and one longer than the limit is abandoned there and quarantined
	 * with its beginning. A syntax error ends the file: the rest cannot be delimited, so
	 * it is quarantined as one record from the line of the error.
	 */
	private void readDocument(InputStream input, boolean container, Input state) throws IOException {
		CapturedInput captured = new CapturedInput(input);
		try (JsonParser parser = this.json.createParser(captured)) {
			try {
				JsonToken token;
				while ((token = parser.nextToken()) != null) {
					if (token == JsonToken.START_ARRAY) {
						elements(parser, captured, state);
					}
					else if (token == JsonToken.START_OBJECT && container) {
						while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
							String name = parser.currentName();
							JsonToken value = parser.nextToken();
							if (("Records".equals(name) || "Events".equals(name)) && value == JsonToken.START_ARRAY) {
								elements(parser, captured, state);
							}
							else {
								parser.skipChildren();
							}
						}
					}
					else {
						element(parser, captured, state);
					}
				}
			}
			catch (StreamConstraintsException ex) {
				TokenStreamLocation at = (ex.getLocation() != null) ? ex.getLocation() : parser.currentLocation();
				String where = (at != null) ? "line " + at.getLineNr() + ", column " + at.getColumnNr() : "";
				state.judge(false, "a value longer than the limit at " + where);
				state.sink.quarantine((at != null) ? at.getLineNr() : 0, "",
						"a value longer than 4 times the limit of " + this.maxRecordBytes + " (--max-record-bytes) at "
								+ where + ": the rest of the file, from here, could not be read",
						null, null);
			}
			catch (JacksonException ex) {
				TokenStreamLocation at = ex.getLocation();
				String where = (at != null) ? "line " + at.getLineNr() + ", column " + at.getColumnNr() : "";
				state.judge(false, "not valid JSON at " + where);
				state.sink.quarantine((at != null) ? at.getLineNr() : 0, "",
						"not valid JSON from here to the end of the file, which could not be read (" + where + ")",
						null, null);
			}
		}
	}

	private void elements(JsonParser parser, CapturedInput captured, Input state) throws IOException {
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			element(parser, captured, state);
		}
	}

	/**
	 * One element, the parser on its first token: read as a tree while it stays within
	 * the limit, else skipped to its end and quarantined with its beginning.
	 */
	private void element(JsonParser parser, CapturedInput captured, Input state) throws IOException {
		long line = parser.currentTokenLocation().getLineNr();
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			String kind = parser.currentToken().isStructStart() ? "an array" : "a " + kind(parser.currentToken());
			parser.skipChildren();
			state.judge(false, "the first record is " + kind + ", not an event");
			state.sink.quarantine(line, "", "not a CloudTrail event: " + kind + " where an event object was expected",
					null, null);
			return;
		}
		long start = parser.currentTokenLocation().getByteOffset();
		TokenStreamContext parent = parser.streamReadContext().getParent();
		captured.capture(start);
		JsonNode node;
		try {
			node = this.eventReader.readTree(new BoundedJsonParser(parser, start, this.maxRecordBytes));
			captured.captured(0);
		}
		catch (BoundedJsonParser.OversizedElement ex) {
			while (parser.streamReadContext() != parent) {
				parser.nextToken();
			}
			long length = parser.currentLocation().getByteOffset() - start;
			state.judged = true;
			state.sink.quarantine(line, captured.captured(length), tooLong(length), null, null);
			return;
		}
		event(node, line, state);
	}

	private void readLines(InputStream input, Input state) throws IOException {
		BoundedLineReader lines = new BoundedLineReader(input, this.maxRecordBytes);
		for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
			if (line.oversized()) {
				state.judged = true;
				state.sink.quarantine(line.number(), line.text(), tooLong(line.length()), null, null);
				continue;
			}
			if (line.text().isBlank()) {
				continue;
			}
			if (!line.utf8()) {
				state.judge(false, "line " + line.number() + " is not UTF-8 text");
				state.sink.quarantine(line.number(), line.text(), BoundedLineReader.NOT_UTF8, null, null);
				continue;
			}
			JsonNode node;
			try {
				node = this.json.readTree(line.text());
			}
			catch (JacksonException ex) {
				String where = (ex.getLocation() != null) ? " at column " + ex.getLocation().getColumnNr() : "";
				state.judge(false, "line " + line.number() + " is not JSON");
				state.sink.quarantine(line.number(), line.text(), "not valid JSON" + where, null, null);
				continue;
			}
			if (node.path("Records").isArray()) {
				state.judged = true;
				for (JsonNode event : node.path("Records")) {
					event(event, line.number(), state);
				}
			}
			else {
				event(node, line.number(), state);
			}
		}
	}

	private void event(JsonNode node, long line, Input state) throws IOException {
		String raw = node.toString();
		try {
			JsonNode event = unwrapped(node);
			state.judge(event.isObject() && CloudTrailMapper.text(event, "eventName") != null,
					"the first record has no eventName");
			observe(event, state.sink);
			List<SourceRecord> records = this.mapper.map(event, line, raw);
			if (!records.isEmpty()) {
				state.sink.accept(records);
				return;
			}
			String name = CloudTrailMapper.text(event, "eventName");
			if (CloudTrailEvents.isReadOnly(event, name)) {
				state.sink.skip(name);
			}
			else {
				state.sink.notReviewed(name, notReviewedAt(event, name));
			}
		}
		catch (RejectedRecord ex) {
			state.sink.quarantine(line, raw, ex.reason(), ex.recordId(), ex.occurredAt());
		}
	}

	/**
	 * Every event read counts towards what the log covers, whatever becomes of it: an
	 * event with no readable time covers nothing.
	 */
	private static void observe(JsonNode event, RecordSink sink) {
		Instant at = ActionFields.timestamp("eventTime", CloudTrailMapper.text(event, "eventTime"), new ArrayList<>());
		if (at != null) {
			sink.observed(CloudTrailMapper.PROVIDER, CloudTrailMapper.account(event, event.path("userIdentity")),
					CloudTrailMapper.text(event, "awsRegion"), at);
		}
	}

	/**
	 * A write event not reviewed is listed in the packs of the period in which it
	 * occurred; without a time it fits no period and is quarantined instead (then
	 * reported once, by the next review).
	 */
	private static Instant notReviewedAt(JsonNode event, String name) {
		List<String> problems = new ArrayList<>();
		Instant occurredAt = ActionFields.timestamp("eventTime", CloudTrailMapper.text(event, "eventTime"), problems);
		if (occurredAt == null) {
			throw new RejectedRecord(name + ": a write event no rule covers (not reviewed) with "
					+ (problems.isEmpty() ? "no eventTime" : problems.get(0)) + ": it cannot be placed in a period",
					CloudTrailMapper.text(event, "eventID"), null);
		}
		return occurredAt;
	}

	/**
	 * The CloudTrail event inside a LookupEvents entry (a JSON string in
	 * {@code CloudTrailEvent}) or an EventBridge event (an object in {@code detail}).
	 */
	private JsonNode unwrapped(JsonNode node) {
		JsonNode wrapped = node.get("CloudTrailEvent");
		if (wrapped != null && wrapped.isString()) {
			try {
				return this.json.readTree(wrapped.stringValue());
			}
			catch (JacksonException ex) {
				throw new RejectedRecord("CloudTrailEvent is not valid JSON", CloudTrailMapper.text(node, "EventId"),
						null);
			}
		}
		JsonNode detail = node.get("detail");
		if (detail != null && detail.isObject() && node.has("detail-type")) {
			return detail;
		}
		return node;
	}

	private String tooLong(long length) {
		return "record is " + length + " bytes, longer than the limit of " + this.maxRecordBytes
				+ " (--max-record-bytes)";
	}

	private static String kind(JsonToken token) {
		return switch (token) {
			case VALUE_STRING -> "string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
			case VALUE_TRUE, VALUE_FALSE -> "boolean";
			case VALUE_NULL -> "null";
			default -> "value";
		};
	}

	/**
	 * One input's reading: the sink, and whether its first record showed it to be
	 * CloudTrail.
	 */
	private static final class Input {

		private final RecordSink sink;

		private boolean judged;

		Input(RecordSink sink) {
			this.sink = sink;
		}

		/**
		 * Judges the input by its first record: one that is no CloudTrail shape rejects
		 * it whole; later records are judged one by one.
		 */
		void judge(boolean fits, String why) throws UnrecognisedInputException {
			if (this.judged) {
				return;
			}
			if (!fits) {
				throw new UnrecognisedInputException(
						"fits none of the CloudTrail shapes (" + why + "); " + ACCEPTED_SHAPES);
			}
			this.judged = true;
		}

	}

}
