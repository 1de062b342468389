package org.envelopereview.action.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

import org.envelopereview.action.ActionRecordReader;
import org.envelopereview.action.BoundedLineReader;
import org.envelopereview.action.RecordSink;
import org.envelopereview.action.RejectedRecord;

/**
 * The native format as CSV: a header row with the native field names, nested ones
 * flattened with dots ({@code rationale.signal}); an empty cell is no value.
 *
 * <p>
 * Records are cut from the input first (a quoted cell may span lines), each bounded by
 * the record limit, then parsed one by one: a bad row is quarantined with its exact text
 * and line, and the next row is read normally.
 */
final class CsvRecordReader implements ActionRecordReader {

	private static final CsvMapper CSV = CsvMapper.builder().build();

	private final int maxRecordBytes;

	CsvRecordReader(int maxRecordBytes) {
		this.maxRecordBytes = maxRecordBytes;
	}

	@Override
	public void read(InputStream input, RecordSink sink) throws IOException {
		BoundedLineReader lines = new BoundedLineReader(input, this.maxRecordBytes);
		ObjectReader rows = null;
		for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
			if (line.text().isBlank() && !line.oversized()) {
				continue;
			}
			long start = line.number();
			StringBuilder record = new StringBuilder(line.text());
			boolean oversized = line.oversized();
			boolean utf8 = line.utf8();
			long length = line.length();
			while (!oversized && insideQuotes(record)) {
				BoundedLineReader.Line next = lines.next();
				if (next == null) {
					break;
				}
				record.append('\n').append(next.text());
				utf8 &= next.utf8();
				length += 1 + next.length();
				oversized = next.oversized() || length > this.maxRecordBytes;
			}
			String raw = record.toString();
			if (oversized) {
				sink.quarantine(start, raw,
						"record is longer than the limit of " + this.maxRecordBytes + " bytes (--max-record-bytes)",
						null, null);
				continue;
			}
			if (!utf8) {
				if (rows == null) {
					throw new IOException(
							"line " + start + ": the CSV header is not valid UTF-8 (save the file as UTF-8)");
				}
				sink.quarantine(start, raw, BoundedLineReader.NOT_UTF8, null, null);
				continue;
			}
			if (rows == null) {
				rows = header(raw, start);
				continue;
			}
			try {
				Map<String, String> row = rows.readValue(raw);
				sink.accept(List.of(NativeRecordParser.parse(row, start, raw)));
			}
			catch (JacksonException ex) {
				sink.quarantine(start, raw, "unreadable CSV row: " + ex.getOriginalMessage(), null, null);
			}
			catch (RejectedRecord ex) {
				sink.quarantine(start, raw, ex.reason(), ex.recordId(), ex.occurredAt());
			}
		}
	}

	/** A reader of rows with the columns the header names. */
	private static ObjectReader header(String text, long line) throws IOException {
		List<String> names;
		try {
			names = CSV.readerForListOf(String.class)
				.with(CsvReadFeature.WRAP_AS_ARRAY)
				.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
				.readValue(text);
		}
		catch (JacksonException ex) {
			throw new IOException("line " + line + ": unreadable CSV header: " + ex.getOriginalMessage(), ex);
		}
		CsvSchema.Builder schema = CsvSchema.builder();
		names.forEach((name) -> schema.addColumn(name.strip()));
		return CSV.readerForMapOf(String.class).with(schema.build());
	}

	/** An odd number of quotes so far: a quoted cell continues on the next line. */
	private static boolean insideQuotes(CharSequence text) {
		int quotes = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '"') {
				quotes++;
			}
		}
		return quotes % 2 == 1;
	}

}
