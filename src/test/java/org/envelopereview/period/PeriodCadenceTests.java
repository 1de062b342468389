package org.envelopereview.period;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Months and half-years, the periods of the other review cadences. */
class PeriodCadenceTests {

	@Test
	void shouldParseAMonth() {
		Period july = Period.parse("2026-07");

		assertThat(july.start()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
		assertThat(july.end()).isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));
	}

	@Test
	void shouldParseAHalfYear() {
		Period secondHalf = Period.parse("2026-H2");

		assertThat(secondHalf.start()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
		assertThat(secondHalf.end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
	}

	@Test
	void shouldRejectAMonthThirteen() {
		assertThatIllegalArgumentException().isThrownBy(() -> Period.month("2026-13"))
			.withMessageContaining("'2026-13'");
		assertThatIllegalArgumentException().isThrownBy(() -> Period.parse("2026-13"));
	}

	@Test
	void shouldFindTheMonthAndHalfYearOfAnInstant() {
		Instant lastInstantOfJune = Instant.parse("2026-06-30T23:59:59.999Z");

		assertThat(Period.monthOf(lastInstantOfJune).label()).isEqualTo("2026-06");
		assertThat(Period.halfYearOf(lastInstantOfJune).label()).isEqualTo("2026-H1");
		assertThat(Period.halfYearOf(lastInstantOfJune.plusMillis(1)).label()).isEqualTo("2026-H2");
	}

	@Test
	void shouldGoBackOneMonthOrHalfYear() {
		assertThat(Period.parse("2026-01").previous().label()).isEqualTo("2025-12");
		assertThat(Period.parse("2026-H1").previous().label()).isEqualTo("2025-H2");
		assertThat(Period.parse("2026-Q1").previous().label()).isEqualTo("2025-Q4");
	}

}
