package org.envelopereview.action.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.action.ActionRecordReader;
import org.envelopereview.action.BoundedLineReader;
import org.envelopereview.action.RecordSink;
import org.envelopereview.action.RejectedRecord;

/** The native format: one SPEC §3 record per line. */
public final class JsonLinesReader implements ActionRecordReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int maxRecordBytes;

	JsonLinesReader(int maxRecordBytes) {
		this.maxRecordBytes = maxRecordBytes;
	}

	@Override
	public void read(InputStream input, RecordSink sink) throws IOException {
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
			try {
				JsonNode node = JSON.readTree(line.text());
				if (!node.isObject()) {
					throw new RejectedRecord("not a JSON object", null, null);
				}
				sink.accept(List.of(NativeRecordParser.parse(flatten(node), line.number(), line.text())));
			}
			catch (JacksonException ex) {
				sink.quarantine(line.number(), line.text(), "not valid JSON: " + ex.getOriginalMessage(), null, null);
			}
			catch (RejectedRecord ex) {
				sink.quarantine(line.number(), line.text(), ex.reason(), ex.recordId(), ex.occurredAt());
			}
		}
	}

	/**
	 * Nested objects become dotted names ({@code rationale.signal}); values become text.
	 */
	static Map<String, String> flatten(JsonNode object) {
		Map<String, String> fields = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		flatten("", object, fields, problems);
		if (!problems.isEmpty()) {
			String id = fields.get("id");
			throw new RejectedRecord(String.join("; ", problems), id, null);
		}
		return fields;
	}

	private static void flatten(String prefix, JsonNode object, Map<String, String> fields, List<String> problems) {
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			String name = prefix + property.getKey();
			JsonNode value = property.getValue();
			if (value.isObject()) {
				flatten(name + ".", value, fields, problems);
			}
			else if (value.isArray()) {
				problems.add("field " + name + " is a list; a single value is expected");
			}
			else if (value.isNull() || value.isMissingNode()) {
				fields.put(name, null);
			}
			else {
				fields.put(name, value.asString());
			}
		}
	}

}
