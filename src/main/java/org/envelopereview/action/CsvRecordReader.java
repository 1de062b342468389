package org.envelopereview.action;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The native format as CSV: a header row with the native field names, nested ones
 * flattened with dots ({@code rationale.signal}); an empty cell is no value.
 */
final class CsvRecordReader implements ActionRecordReader {

	private final CsvMapper csv;

	private final int maxRecordBytes;

	CsvRecordReader(int maxRecordBytes) {
		this.maxRecordBytes = maxRecordBytes;
		this.csv = CsvMapper
			.builder(CsvFactory.builder()
				.streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxRecordBytes).build())
				.build())
			.build();
	}

	@Override
	public void read(InputStream input, RecordSink sink) throws IOException {
		CsvSchema schema = CsvSchema.emptySchema().withHeader();
		try (MappingIterator<Map<String, String>> rows = this.csv.readerForMapOf(String.class)
			.with(schema)
			.readValues(input)) {
			long line = 1;
			while (true) {
				line = rows.currentLocation().getLineNr();
				Map<String, String> row;
				try {
					if (!rows.hasNextValue()) {
						break;
					}
					line = Math.max(line, rows.currentLocation().getLineNr());
					row = rows.nextValue();
				}
				catch (JacksonException ex) {
					sink.quarantine(Math.max(line, ex.getLocation() != null ? ex.getLocation().getLineNr() : line), "",
							"unreadable CSV row: " + ex.getOriginalMessage(), null, null);
					continue;
				}
				String raw = raw(row);
				try {
					sink.accept(List.of(NativeRecordParser.parse(row, line, raw)));
				}
				catch (RejectedRecord ex) {
					sink.quarantine(line, raw, ex.reason(), ex.recordId(), ex.occurredAt());
				}
			}
		}
	}

	/** The row as CSV text again, for the quarantine (column order of the header). */
	private static String raw(Map<String, String> row) {
		return row.values().stream().map(CsvRecordReader::quote).collect(Collectors.joining(","));
	}

	private static String quote(String value) {
		if (value == null) {
			return "";
		}
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

}
