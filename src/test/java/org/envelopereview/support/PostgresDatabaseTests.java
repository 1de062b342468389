package org.envelopereview.support;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresDatabaseTests {

	private static final Instant NOW = Instant.parse("2026-12-06T06:00:00Z");

	@Test
	void shouldReadTheCreationTimeFromTheName() {
		// given
		String name = PostgresDatabase.nameFor(NOW);
		// when / then
		assertThat(name).matches("er_test_\\d+_[0-9a-f]+").hasSizeLessThanOrEqualTo(63);
		assertThat(PostgresDatabase.createdAt(name)).contains(NOW);
		assertThat(PostgresDatabase.nameFor(NOW)).isNotEqualTo(name);
	}

	@Test
	void shouldCountADatabaseOlderThanSixHoursAsStale() {
		// given
		String name = PostgresDatabase.nameFor(NOW.minus(Duration.ofHours(6)).minusSeconds(1));
		// when / then
		assertThat(PostgresDatabase.isStale(name, NOW)).isTrue();
	}

	@Test
	void shouldNotCountADatabaseOfSixHoursOrLessAsStale() {
		assertThat(PostgresDatabase.isStale(PostgresDatabase.nameFor(NOW.minus(Duration.ofHours(6))), NOW)).isFalse();
		assertThat(PostgresDatabase.isStale(PostgresDatabase.nameFor(NOW.minus(Duration.ofMinutes(5))), NOW)).isFalse();
		assertThat(PostgresDatabase.isStale(PostgresDatabase.nameFor(NOW.plus(Duration.ofHours(1))), NOW)).isFalse();
	}

	@Test
	void shouldNeverCountADatabaseWhoseNameCarriesNoCreationTimeAsStale() {
		assertThat(PostgresDatabase.isStale("er_test_0123456789abcdef", NOW)).isFalse();
		assertThat(PostgresDatabase.isStale("er_test_1_", NOW)).isFalse();
		assertThat(PostgresDatabase.isStale("er_test_1_ABC", NOW)).isFalse();
		assertThat(PostgresDatabase.isStale("x_er_test_1_abc", NOW)).isFalse();
		assertThat(PostgresDatabase.isStale("envelope_review", NOW)).isFalse();
		assertThat(PostgresDatabase.isStale("postgres", NOW)).isFalse();
	}

}
