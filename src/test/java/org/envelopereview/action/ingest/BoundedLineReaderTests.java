package org.envelopereview.action.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.envelopereview.action.BoundedLineReader;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedLineReaderTests {

	@Test
	void shouldSplitLinesOnNewlinesAndDropCarriageReturnsAndAByteOrderMark() throws IOException {
		List<BoundedLineReader.Line> lines = read("\uFEFFfirst\r\nsecond\n\nthird", 100);

		assertThat(lines).extracting(BoundedLineReader.Line::text).containsExactly("first", "second", "", "third");
		assertThat(lines).extracting(BoundedLineReader.Line::number).containsExactly(1L, 2L, 3L, 4L);
		assertThat(lines).noneMatch(BoundedLineReader.Line::oversized);
	}

	@Test
	void shouldReturnOnlyTheBeginningOfALineLongerThanTheLimitAndGoOn() throws IOException {
		List<BoundedLineReader.Line> lines = read("x".repeat(50_000) + "\nshort\n" + "y".repeat(10), 10);

		assertThat(lines.get(0).oversized()).isTrue();
		assertThat(lines.get(0).length()).isEqualTo(50_000);
		assertThat(lines.get(0).text()).hasSizeLessThanOrEqualTo(11);
		assertThat(lines.get(1).text()).isEqualTo("short");
		assertThat(lines.get(2).oversized()).isFalse();
		assertThat(lines.get(2).text()).isEqualTo("y".repeat(10));
	}

	@Test
	void shouldKeepMultiByteCharactersWhole() throws IOException {
		assertThat(read("grüße → ok\n", 100)).extracting(BoundedLineReader.Line::text).containsExactly("grüße → ok");
	}

	private static List<BoundedLineReader.Line> read(String text, int maxBytes) throws IOException {
		BoundedLineReader reader = new BoundedLineReader(
				new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxBytes);
		List<BoundedLineReader.Line> lines = new ArrayList<>();
		for (BoundedLineReader.Line line = reader.next(); line != null; line = reader.next()) {
			lines.add(line);
		}
		return lines;
	}

}
