package org.envelopereview.action.cloudtrail;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.action.ActionRecordReader;
import org.envelopereview.action.BoundedLineReader;
import org.envelopereview.action.RecordSink;
import org.envelopereview.action.RejectedRecord;
import org.envelopereview.action.SourceRecord;

/**
 * AWS CloudTrail in its three shapes: the S3 log files ({@code {"Records":[…]}}, read
 * with a streaming parser, one event at a time), one event per line, and the LookupEvents
 * API's shape (the event is a JSON string in {@code CloudTrailEvent}).
 */
public final class CloudTrailReader implements ActionRecordReader {

	private static final Pattern RECORDS_FILE = Pattern.compile("^\\s*\\{\\s*\"Records\"\\s*:", Pattern.DOTALL);

	private final int maxRecordBytes;

	private final CloudTrailMapper mapper;

	private final JsonMapper json;

	/** Reads one event of a Records array, leaving the parser on the event's end. */
	private final ObjectReader eventReader;

	public CloudTrailReader(int maxRecordBytes, CloudTrailMapper mapper) {
		this.maxRecordBytes = maxRecordBytes;
		this.mapper = mapper;
		this.json = JsonMapper.builder(JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build())
			.build();
		this.eventReader = this.json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	@Override
	public void read(InputStream input, RecordSink sink) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(input, 64 * 1024);
		buffered.mark(4096);
		byte[] head = buffered.readNBytes(4096);
		buffered.reset();
		if (RECORDS_FILE.matcher(new String(head, StandardCharsets.UTF_8)).find()) {
			readRecordsFile(buffered, sink);
		}
		else {
			readLines(buffered, sink);
		}
	}

	/**
	 * Streams {@code {"Records":[…]}} (several such objects may follow each other): only
	 * one event is held at a time, and one longer than the limit is quarantined after it
	 * was read (Jackson's own limits bound it meanwhile). A syntax error ends the file:
	 * the rest cannot be delimited, so it is quarantined as one record from the line of
	 * the error.
	 */
	private void readRecordsFile(InputStream input, RecordSink sink) throws IOException {
		try (JsonParser parser = this.json.createParser(input)) {
			long line = 1;
			try {
				while (parser.nextToken() == JsonToken.START_OBJECT) {
					while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
						String name = parser.currentName();
						JsonToken value = parser.nextToken();
						if ("Records".equals(name) && value == JsonToken.START_ARRAY) {
							while (parser.nextToken() == JsonToken.START_OBJECT) {
								line = parser.currentTokenLocation().getLineNr();
								long start = parser.currentTokenLocation().getByteOffset();
								JsonNode event = this.eventReader.readTree(parser);
								long length = parser.currentLocation().getByteOffset() - start;
								event(event, line, length, sink);
							}
						}
						else {
							parser.skipChildren();
						}
					}
				}
			}
			catch (JacksonException ex) {
				long at = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : line;
				sink.quarantine(at, "", "not valid JSON from here to the end of the file, which could not be read: "
						+ ex.getOriginalMessage(), null, null);
			}
		}
	}

	private void readLines(InputStream input, RecordSink sink) throws IOException {
		BoundedLineReader lines = new BoundedLineReader(input, this.maxRecordBytes);
		for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
			if (line.oversized()) {
				sink.quarantine(line.number(), line.text(), "record is " + line.length()
						+ " bytes, longer than the limit of " + this.maxRecordBytes + " (--max-record-bytes)", null,
						null);
				continue;
			}
			if (line.text().isBlank()) {
				continue;
			}
			if (!line.utf8()) {
				sink.quarantine(line.number(), line.text(), BoundedLineReader.NOT_UTF8, null, null);
				continue;
			}
			JsonNode node;
			try {
				node = this.json.readTree(line.text());
			}
			catch (JacksonException ex) {
				sink.quarantine(line.number(), line.text(), "not valid JSON: " + ex.getOriginalMessage(), null, null);
				continue;
			}
			if (node.path("Records").isArray()) {
				for (JsonNode event : node.path("Records")) {
					event(event, line.number(), -1, sink);
				}
			}
			else {
				event(node, line.number(), -1, sink);
			}
		}
	}

	private void event(JsonNode node, long line, long length, RecordSink sink) {
		String raw = node.toString();
		if (length > this.maxRecordBytes) {
			sink.quarantine(line, raw, "record is " + length + " bytes, longer than the limit of " + this.maxRecordBytes
					+ " (--max-record-bytes)", null, null);
			return;
		}
		try {
			JsonNode event = lookupEvent(node);
			List<SourceRecord> records = this.mapper.map(event, line, raw);
			if (records.isEmpty()) {
				sink.skip(CloudTrailMapper.text(event, "eventName"));
			}
			else {
				sink.accept(records);
			}
		}
		catch (RejectedRecord ex) {
			sink.quarantine(line, raw, ex.reason(), ex.recordId(), ex.occurredAt());
		}
	}

	/**
	 * The LookupEvents API wraps the event as a JSON string in {@code CloudTrailEvent}.
	 */
	private JsonNode lookupEvent(JsonNode node) {
		JsonNode wrapped = node.get("CloudTrailEvent");
		if (wrapped == null || !wrapped.isString()) {
			return node;
		}
		try {
			return this.json.readTree(wrapped.stringValue());
		}
		catch (JacksonException ex) {
			throw new RejectedRecord("CloudTrailEvent is not valid JSON: " + ex.getOriginalMessage(),
					CloudTrailMapper.text(node, "EventId"), null);
		}
	}

}
