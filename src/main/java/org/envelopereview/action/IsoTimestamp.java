package org.envelopereview.action;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads an ISO-8601 timestamp with an offset or {@code Z}, as
 * {@link OffsetDateTime#parse(CharSequence)} does. The shape nearly every record carries,
 * {@code 2026-07-03T03:47:00Z} with an optional fraction, is read without the formatter,
 * which took a sixth of the ingest reader's time; anything else, valid or not, goes
 * through the formatter.
 */
final class IsoTimestamp {

	private IsoTimestamp() {
	}

	/**
	 * @throws java.time.format.DateTimeParseException when the text is not ISO-8601 with
	 * an offset
	 */
	static Instant parse(String text) {
		Instant utc = utcSeconds(text);
		return (utc != null) ? utc : OffsetDateTime.parse(text).toInstant();
	}

	/** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or {@code null} for any other text. */
	private static Instant utcSeconds(String text) {
		int length = text.length();
		if (length < 20 || length == 21 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
				|| text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
				|| (length > 20 && text.charAt(19) != '.')) {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		int fraction = (length > 20) ? digits(text, 20, length - 1) : 0;
		if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || fraction < 0) {
			return null;
		}
		int nanos = fraction;
		for (int fractionDigits = length - 21; fractionDigits < 9; fractionDigits++) {
			nanos *= 10;
		}
		try {
			return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			// out of range (month 13, 30 February…): the formatter says so
			return null;
		}
	}

	/** The ASCII digits of [from, to) as a number, or -1 if any is not one. */
	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
