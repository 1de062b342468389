package org.envelopereview.action.provider;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
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

import org.envelopereview.action.ActionRecordReader;
import org.envelopereview.action.BoundedLineReader;
import org.envelopereview.action.RecordSink;
import org.envelopereview.action.UnrecognisedInputException;

/**
 * A provider's audit log in the shapes it is exported in, told apart by content: a JSON
 * array of entries, an object whose container field holds them ({@code {"records":[…]}},
 * {@code {"entries":[…]}}, {@code {"value":[…]}}), pretty-printed entries one after
 * another, or one entry (or one container object) per line. Documents are streamed one
 * entry at a time, as CloudTrail's are; an input whose first entry is none of the
 * provider's is rejected as a whole.
 */
public abstract class ProviderLogReader implements ActionRecordReader {

	private static final Pattern ARRAY = Pattern.compile("^\\s*\\[", Pattern.DOTALL);

	/**
	 * A pretty-printed document: its first line opens an object and holds nothing else.
	 */
	private static final Pattern PRETTY_OBJECT = Pattern.compile("^\\s*\\{\\s*\\r?\\n", Pattern.DOTALL);

	private final int maxRecordBytes;

	private final Set<String> containers;

	private final Pattern container;

	/** Parses entries and the JSON strings some shapes nest in them. */
	protected final JsonMapper json;

	private final ObjectReader entryReader;

	/**
	 * @param containers the fields of a document object whose array holds the entries
	 */
	protected ProviderLogReader(int maxRecordBytes, Set<String> containers) {
		this.maxRecordBytes = maxRecordBytes;
		this.containers = containers;
		this.container = Pattern.compile("^\\s*\\{\\s*\"(" + String.join("|", containers) + ")\"\\s*:", Pattern.DOTALL);
		// as CloudTrailReader: a value far longer than any record stops the parser, so
		// memory stays bounded
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxStringLength((int) Math.min(Integer.MAX_VALUE, Math.max(4L * maxRecordBytes, 4096)))
			.build();
		this.json = JsonMapper
			.builder(JsonFactory.builder()
				.disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
				.streamReadConstraints(constraints)
				.build())
			.build();
		this.entryReader = this.json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/**
	 * One entry of the log, already parsed.
	 * @param raw its text, to quarantine it
	 */
	protected abstract void entry(JsonNode node, long line, String raw, Input input) throws IOException;

	/** Called once the whole input has been read: entries held back are handed over. */
	protected abstract void finish(Input input) throws IOException;

	/** The log's name and its accepted shapes, for the rejection of an input. */
	protected abstract String shapes();

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
		Input state = new Input(sink, shapes());
		boolean isContainer = this.container.matcher(text).find();
		if (isContainer || ARRAY.matcher(text).find() || PRETTY_OBJECT.matcher(text).find()) {
			readDocument(buffered, isContainer, state);
		}
		else {
			readLines(buffered, state);
		}
		finish(state);
	}

	private void readDocument(InputStream input, boolean isContainer, Input state) throws IOException {
		CapturedInput captured = new CapturedInput(input);
		try (JsonParser parser = this.json.createParser(captured)) {
			try {
				JsonToken token;
				while ((token = parser.nextToken()) != null) {
					if (token == JsonToken.START_ARRAY) {
						elements(parser, captured, state);
					}
					else if (token == JsonToken.START_OBJECT && isContainer) {
						containerObject(parser, captured, state);
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

	/**
	 * A container object: its entries are read one at a time and its other fields (page
	 * tokens, links) skipped.
	 */
	private void containerObject(JsonParser parser, CapturedInput captured, Input state) throws IOException {
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if (this.containers.contains(name) && value == JsonToken.START_ARRAY) {
				elements(parser, captured, state);
			}
			else {
				parser.skipChildren();
			}
		}
	}

	private void elements(JsonParser parser, CapturedInput captured, Input state) throws IOException {
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			element(parser, captured, state);
		}
	}

	private void element(JsonParser parser, CapturedInput captured, Input state) throws IOException {
		long line = parser.currentTokenLocation().getLineNr();
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			String kind = parser.currentToken().isStructStart() ? "an array" : "a scalar";
			parser.skipChildren();
			state.judge(false, "the first record is " + kind + ", not an entry");
			state.sink.quarantine(line, "", "not a log entry: " + kind + " where an entry object was expected", null,
					null);
			return;
		}
		long start = parser.currentTokenLocation().getByteOffset();
		TokenStreamContext parent = parser.streamReadContext().getParent();
		captured.capture(start);
		JsonNode node;
		try {
			node = this.entryReader.readTree(new BoundedJsonParser(parser, start, this.maxRecordBytes));
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
		entry(node, line, node.toString(), state);
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
			JsonNode entries = containedEntries(node);
			if (entries != null) {
				for (JsonNode entry : entries) {
					entry(entry, line.number(), entry.toString(), state);
				}
			}
			else {
				entry(node, line.number(), line.text(), state);
			}
		}
	}

	/** The entries of a container object given on one line, or {@code null}. */
	private JsonNode containedEntries(JsonNode node) {
		if (!node.isObject()) {
			return null;
		}
		for (String name : this.containers) {
			if (node.path(name).isArray()) {
				return node.path(name);
			}
		}
		return null;
	}

	private String tooLong(long length) {
		return "record is " + length + " bytes, longer than the limit of " + this.maxRecordBytes
				+ " (--max-record-bytes)";
	}

	/**
	 * One input's reading: the sink, and whether its first entry showed it to be of this
	 * provider.
	 */
	public static final class Input {

		private final RecordSink sink;

		private final String shapes;

		private boolean judged;

		Input(RecordSink sink, String shapes) {
			this.sink = sink;
			this.shapes = shapes;
		}

		public RecordSink sink() {
			return this.sink;
		}

		/**
		 * Judges the input by its first entry: one that is none of the provider's shapes
		 * rejects it whole; later entries are judged one by one.
		 */
		public void judge(boolean fits, String why) throws UnrecognisedInputException {
			if (this.judged) {
				return;
			}
			if (!fits) {
				throw new UnrecognisedInputException("fits none of the " + this.shapes.replaceFirst(";.*", "")
						+ " shapes (" + why + "); " + this.shapes.replaceFirst("^[^;]*; ", ""));
			}
			this.judged = true;
		}

	}

}
