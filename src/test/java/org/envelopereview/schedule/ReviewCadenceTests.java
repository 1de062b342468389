package org.envelopereview.schedule;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.envelopereview.period.ReviewCadence;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewCadenceTests {

	@Test
	void shouldReviewTheQuarterJustEndedWhenFiringOnTheFirstDayOfAQuarter() {
		assertThat(ReviewCadence.QUARTER.periodBefore(Instant.parse("2026-10-01T02:00:00Z")).label())
			.isEqualTo("2026-Q3");
	}

	@Test
	void shouldReviewTheQuarterThatEndsExactlyAtTheFireTime() {
		assertThat(ReviewCadence.QUARTER.periodBefore(Instant.parse("2027-01-01T00:00:00Z")).label())
			.isEqualTo("2026-Q4");
	}

	@Test
	void shouldNotReviewAQuarterThatIsNotCompleteAtTheFireTime() {
		// 02:00 on 1 October in Tokyo is still 30 September in UTC: Q3 has not ended
		assertThat(ReviewCadence.QUARTER.periodBefore(Instant.parse("2026-09-30T17:00:00Z")).label())
			.isEqualTo("2026-Q2");
	}

	@Test
	void shouldReviewThePreviousMonthAcrossAYearBoundary() {
		assertThat(ReviewCadence.MONTH.periodBefore(Instant.parse("2027-01-01T02:00:00Z")).label())
			.isEqualTo("2026-12");
	}

	@Test
	void shouldReviewThePreviousHalfYear() {
		assertThat(ReviewCadence.HALF_YEAR.periodBefore(Instant.parse("2026-07-01T02:00:00Z")).label())
			.isEqualTo("2026-H1");
		assertThat(ReviewCadence.HALF_YEAR.periodBefore(Instant.parse("2026-06-30T23:59:59Z")).label())
			.isEqualTo("2025-H2");
	}

	@Test
	void shouldReadTheConfigurationNames() {
		assertThat(ReviewCadence.fromConfigName("half-year")).isEqualTo(ReviewCadence.HALF_YEAR);
		assertThat(ReviewCadence.HALF_YEAR.configName()).isEqualTo("half-year");
	}

}
