package org.envelopereview.action.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.envelopereview.action.Action;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRecordReaderTests {

	private final RecordingSink sink = new RecordingSink();

	@Test
	void shouldReadNestedFieldsFromDottedColumns() throws IOException {
		read(NativeRecords.csvHeader(), NativeRecords.action("a-1").csvRow());

		assertThat(this.sink.quarantined).isEmpty();
		Action action = this.sink.actions().get(0);
		assertThat(action.rationale().signal()).isEqualTo("failover event FE-2026-0419-001");
		assertThat(action.rationale().confidence()).isEqualTo(0.93);
		assertThat(action.approval().ref()).isNull();
	}

	@Test
	void shouldNumberRowsByTheLineTheyStartOnEvenAfterAQuotedLineBreak() throws IOException {
		read(NativeRecords.csvHeader(), NativeRecords.action("a-1").with("rationale.text", "two\nlines").csvRow(),
				NativeRecords.action("a-2").csvRow());

		assertThat(this.sink.lines()).containsExactly(2L, 4L);
	}

	@Test
	void shouldQuarantineARowWithTooManyCellsAndReadTheNext() throws IOException {
		read(NativeRecords.csvHeader(), NativeRecords.action("a-1").csvRow() + ",extra",
				NativeRecords.action("a-2").csvRow());

		assertThat(this.sink.actions()).extracting(Action::id).containsExactly("a-2");
		assertThat(this.sink.quarantined).singleElement().satisfies((bad) -> {
			assertThat(bad.line()).isEqualTo(2);
			assertThat(bad.reason()).startsWith("unreadable CSV row");
			assertThat(bad.raw()).endsWith(",extra");
		});
	}

	@Test
	void shouldReadAHeaderThatStartsWithAByteOrderMark() throws IOException {
		read("\uFEFF" + NativeRecords.csvHeader(), NativeRecords.action("a-1").csvRow());

		assertThat(this.sink.quarantined).isEmpty();
		assertThat(this.sink.actions()).extracting(Action::id).containsExactly("a-1");
	}

	@Test
	void shouldNameEveryMissingRequiredColumn() throws IOException {
		read("id,occurredAt", "a-1,2026-07-03T03:47:00Z");

		assertThat(this.sink.quarantined).singleElement()
			.extracting(RecordingSink.Quarantined::reason)
			.isEqualTo("missing agent; missing type");
	}

	@Test
	void shouldQuarantineACellLongerThanTheLimitAndReadTheNextRow() throws IOException {
		byte[] bytes = (String.join("\n", NativeRecords.csvHeader(),
				NativeRecords.action("a-1").with("rationale.text", "x".repeat(5000)).csvRow(),
				NativeRecords.action("a-2").csvRow()) + "\n")
			.getBytes(StandardCharsets.UTF_8);

		new CsvRecordReader(1000).read(new ByteArrayInputStream(bytes), this.sink);

		assertThat(this.sink.actions()).extracting(Action::id).containsExactly("a-2");
		assertThat(this.sink.quarantined).singleElement().satisfies((bad) -> {
			assertThat(bad.line()).isEqualTo(2);
			assertThat(bad.reason()).isEqualTo("record is longer than the limit of 1000 bytes (--max-record-bytes)");
		});
	}

	private void read(String... lines) throws IOException {
		byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
		new CsvRecordReader(1_048_576).read(new ByteArrayInputStream(bytes), this.sink);
	}

}
