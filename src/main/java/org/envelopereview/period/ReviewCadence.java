package org.envelopereview.period;

import java.time.Instant;

import org.envelopereview.period.Period;

/**
 * The kind of period a scheduled review covers: the last complete one before the fire
 * time.
 */
public enum ReviewCadence {

	/** Calendar quarters, {@code 2026-Q3}. */
	QUARTER,

	/** Calendar months, {@code 2026-07}. */
	MONTH,

	/** Half-years, {@code 2026-H2}. */
	HALF_YEAR;

	/**
	 * The last period that is complete at the given instant: a review that fires at
	 * 2026-10-01T02:00Z reviews 2026-Q3. Periods are UTC, so a fire time before 00:00 UTC
	 * on the first day still belongs to the previous period.
	 */
	public Period periodBefore(Instant fireTime) {
		return switch (this) {
			case QUARTER -> Period.quarterOf(fireTime).previous();
			case MONTH -> Period.monthOf(fireTime).previous();
			case HALF_YEAR -> Period.halfYearOf(fireTime).previous();
		};
	}

	/** The name used in configuration, {@code review.schedule.period=half-year}. */
	public String configName() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	public static ReviewCadence fromConfigName(String name) {
		return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
	}

}
