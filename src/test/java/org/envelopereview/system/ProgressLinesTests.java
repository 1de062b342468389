package org.envelopereview.system;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progress where no terminal shows it (a log, CI): a plain line every few percent, not
 * hundreds of carriage-return frames.
 */
class ProgressLinesTests {

	@Test
	void shouldPrintALineEveryFivePercentAndOneWhenTheWorkEnds() {
		ProgressLines lines = new ProgressLines("Evaluating 2026-Q3", " actions", 1);
		List<String> printed = new ArrayList<>();

		for (long read = 0; read <= 15_840; read += 7) {
			lines.next(read, 15_840, Duration.ofMillis(read), false).ifPresent(printed::add);
		}
		lines.next(15_840, 15_840, Duration.ofSeconds(16), true).ifPresent(printed::add);

		assertThat(printed).as("0%% to 95%%, then the last line")
			.hasSize(20 + 1)
			.startsWith("Evaluating 2026-Q3: 0% (0 of 15840 actions) after 0 s",
					"Evaluating 2026-Q3: 5% (798 of 15840 actions) after 0 s")
			.endsWith("Evaluating 2026-Q3: 100% (15840 of 15840 actions) after 16 s, done");
		assertThat(printed).noneMatch((line) -> line.contains("\r"));
	}

	@Test
	void shouldNotRepeatALineWithinTheSameStep() {
		ProgressLines lines = new ProgressLines("ingest a.jsonl", " MiB", 1024 * 1024);

		Optional<String> first = lines.next(10L << 20, 100L << 20, Duration.ofSeconds(1), false);
		Optional<String> nearMiss = lines.next(14L << 20, 100L << 20, Duration.ofSeconds(2), false);
		Optional<String> next = lines.next(15L << 20, 100L << 20, Duration.ofSeconds(3), false);

		assertThat(first).contains("ingest a.jsonl: 10% (10 of 100 MiB) after 1 s");
		assertThat(nearMiss).isEmpty();
		assertThat(next).contains("ingest a.jsonl: 15% (15 of 100 MiB) after 3 s");
	}

	@Test
	void shouldPrintEveryThirtySecondsWhileTheTotalIsUnknown() {
		ProgressLines lines = new ProgressLines("Evaluating 2026-Q3", " actions", 1);

		assertThat(lines.next(0, -1, Duration.ZERO, false)).contains("Evaluating 2026-Q3: (0 actions) after 0 s");
		assertThat(lines.next(500, -1, Duration.ofSeconds(29), false)).isEmpty();
		assertThat(lines.next(600, -1, Duration.ofSeconds(30), false))
			.contains("Evaluating 2026-Q3: (600 actions) after 30 s");
	}

	@Test
	void shouldEndARealBarWithoutATerminalInPlainLines() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);

		try (ProgressBar bar = ProgressBars.builder("Pack payments-cab", " steps", 1, false, stream)
			.setInitialMax(5)
			.build()) {
			bar.stepBy(5);
		}

		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(printed).doesNotContain("\r")
			.endsWith("Pack payments-cab: 100% (5 of 5 steps) after 0 s, done" + System.lineSeparator());
	}

}
