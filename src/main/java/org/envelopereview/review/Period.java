package org.envelopereview.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A review window, start inclusive and end exclusive: a calendar quarter such as
 * {@code 2026-Q3} or any {@code --from/--to} window. Staleness is judged as of
 * {@link #lastInstant()}.
 */
public record Period(String label, Instant start, Instant end) {

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	public Period {
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("period " + label + " ends before it starts");
		}
	}

	/** Parses {@code YYYY-Qn}. */
	public static Period quarter(String label) {
		Matcher matcher = QUARTER.matcher(label);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + label + "' is not a quarter like 2026-Q3");
		}
		LocalDate first = LocalDate.of(Integer.parseInt(matcher.group(1)),
				(Integer.parseInt(matcher.group(2)) - 1) * 3 + 1, 1);
		return new Period(label, utc(first), utc(first.plusMonths(3)));
	}

	/**
	 * A custom window between two dates (start inclusive, end exclusive), labelled
	 * {@code FROM_TO}.
	 */
	public static Period between(LocalDate from, LocalDate to) {
		return new Period(from + "_" + to, utc(from), utc(to));
	}

	/** The quarter that contains the given instant. */
	public static Period quarterOf(Instant instant) {
		LocalDate date = instant.atZone(ZoneOffset.UTC).toLocalDate();
		return quarter(date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1));
	}

	/**
	 * The window of the same length just before this one; for a quarter, the previous
	 * quarter.
	 */
	public Period previous() {
		if (QUARTER.matcher(this.label).matches()) {
			return quarterOf(this.start.minusSeconds(1));
		}
		java.time.Duration length = java.time.Duration.between(this.start, this.end);
		LocalDate from = this.start.minus(length).atZone(ZoneOffset.UTC).toLocalDate();
		return between(from, this.start.atZone(ZoneOffset.UTC).toLocalDate());
	}

	/** The last instant of the period, at which "at period end" judgments are made. */
	public Instant lastInstant() {
		return this.end.minusNanos(1);
	}

	public boolean contains(Instant instant) {
		return !instant.isBefore(this.start) && instant.isBefore(this.end);
	}

	/** Parses a quarter label or an ISO date range {@code FROM_TO}. */
	public static Period parse(String label) {
		if (QUARTER.matcher(label).matches()) {
			return quarter(label);
		}
		String[] parts = label.split("_");
		try {
			if (parts.length == 2) {
				return between(LocalDate.parse(parts[0]), LocalDate.parse(parts[1]));
			}
		}
		catch (DateTimeParseException ex) {
			// reported below
		}
		throw new IllegalArgumentException(
				"'" + label + "' is neither a quarter like 2026-Q3 nor a range like 2026-07-01_2026-10-01");
	}

	private static Instant utc(LocalDate date) {
		return date.atStartOfDay().toInstant(ZoneOffset.UTC);
	}

}
