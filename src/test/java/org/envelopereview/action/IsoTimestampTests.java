package org.envelopereview.action;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

class IsoTimestampTests {

	private static final int SAMPLES = 20_000;

	@Test
	void shouldReadEveryUtcTimestampAsTheFormatterDoes() {
		Random random = new Random(2026);
		for (int i = 0; i < SAMPLES; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
					random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
			String text = withFractionDigits(instant, random.nextInt(10));

			assertThat(IsoTimestamp.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
		}
	}

	@Test
	void shouldAcceptAndRejectExactlyWhatTheFormatterDoesForNearMisses() {
		Random random = new Random(7);
		String valid = "2026-07-03T03:47:00.123456Z";
		String alphabet = "0123456789-:TZ.+ x";
		for (int i = 0; i < SAMPLES; i++) {
			StringBuilder text = new StringBuilder(valid);
			text.setCharAt(random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
			if (random.nextInt(4) == 0) {
				text.deleteCharAt(random.nextInt(text.length()));
			}

			assertSameOutcome(text.toString());
		}
	}

	@Test
	void shouldRejectOutOfRangeFieldsInTheFormattersWords() {
		for (String text : new String[] { "2026-13-03T03:47:00Z", "2026-02-30T03:47:00Z", "2026-07-03T24:00:00Z",
				"2026-07-03T03:60:00Z", "2026-07-03T03:47:60Z", "2026-07-03 03:47:00Z", "2026-07-03T03:47:00" }) {
			assertThatExceptionOfType(DateTimeParseException.class).as(text)
				.isThrownBy(() -> IsoTimestamp.parse(text))
				.withMessageContaining(text);
			assertSameOutcome(text);
		}
	}

	@Test
	void shouldStillReadOffsetsAndTimesWithoutSeconds() {
		assertThat(IsoTimestamp.parse("2026-07-03T05:47:00+02:00")).isEqualTo(Instant.parse("2026-07-03T03:47:00Z"));
		assertThat(IsoTimestamp.parse("2026-07-03T03:47Z")).isEqualTo(Instant.parse("2026-07-03T03:47:00Z"));
	}

	private static void assertSameOutcome(String text) {
		Throwable expectedFailure = catchThrowable(() -> OffsetDateTime.parse(text));
		if (expectedFailure == null) {
			assertThat(IsoTimestamp.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
		}
		else {
			assertThatExceptionOfType(DateTimeParseException.class).as(text).isThrownBy(() -> IsoTimestamp.parse(text));
		}
	}

	private static String withFractionDigits(Instant instant, int digits) {
		String seconds = instant.toString().substring(0, 19);
		if (digits == 0) {
			return seconds + "Z";
		}
		String nanos = String.format("%09d", instant.getNano());
		return seconds + "." + nanos.substring(0, digits) + "Z";
	}

}
