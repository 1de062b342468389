package org.envelopereview.period;

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

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

	private static final Pattern HALF_YEAR = Pattern.compile("(\\d{4})-H([12])");

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

	/** Parses {@code YYYY-MM}, a calendar month. */
	public static Period month(String label) {
		Matcher matcher = MONTH.matcher(label);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + label + "' is not a month like 2026-07");
		}
		LocalDate first = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), 1);
		return new Period(label, utc(first), utc(first.plusMonths(1)));
	}

	/** Parses {@code YYYY-Hn}, a half-year (H1 = January to June). */
	public static Period halfYear(String label) {
		Matcher matcher = HALF_YEAR.matcher(label);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + label + "' is not a half-year like 2026-H2");
		}
		LocalDate first = LocalDate.of(Integer.parseInt(matcher.group(1)),
				(Integer.parseInt(matcher.group(2)) - 1) * 6 + 1, 1);
		return new Period(label, utc(first), utc(first.plusMonths(6)));
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

	/** The calendar month that contains the given instant. */
	public static Period monthOf(Instant instant) {
		LocalDate date = instant.atZone(ZoneOffset.UTC).toLocalDate();
		return month(String.format("%04d-%02d", date.getYear(), date.getMonthValue()));
	}

	/** The half-year that contains the given instant. */
	public static Period halfYearOf(Instant instant) {
		LocalDate date = instant.atZone(ZoneOffset.UTC).toLocalDate();
		return halfYear(date.getYear() + "-H" + ((date.getMonthValue() - 1) / 6 + 1));
	}

	/**
	 * The window of the same length just before this one; for a quarter, the previous
	 * quarter (likewise for a month and a half-year).
	 */
	public Period previous() {
		if (QUARTER.matcher(this.label).matches()) {
			return quarterOf(this.start.minusSeconds(1));
		}
		if (MONTH.matcher(this.label).matches()) {
			return monthOf(this.start.minusSeconds(1));
		}
		if (HALF_YEAR.matcher(this.label).matches()) {
			return halfYearOf(this.start.minusSeconds(1));
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

	/**
	 * Parses a quarter label, a month ({@code 2026-07}), a half-year ({@code 2026-H2}) or
	 * an ISO date range {@code FROM_TO}.
	 */
	public static Period parse(String label) {
		if (QUARTER.matcher(label).matches()) {
			return quarter(label);
		}
		if (MONTH.matcher(label).matches()) {
			return month(label);
		}
		if (HALF_YEAR.matcher(label).matches()) {
			return halfYear(label);
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
