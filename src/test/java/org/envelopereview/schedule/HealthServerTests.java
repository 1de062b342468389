package org.envelopereview.schedule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthServerTests {

	@Test
	void shouldServeHttpForTheScheduleCommand() {
		assertThat(HealthServer.argumentsFor(new String[] { "--review.schedule.health-port=9000", "schedule" }))
			.containsExactly("--review.schedule.health-port=9000", "schedule", HealthServer.SERVLET);
	}

	@Test
	void shouldNotServeHttpForAnyOtherCommand() {
		assertThat(HealthServer.argumentsFor(new String[] { "status" })).containsExactly("status");
		assertThat(HealthServer.argumentsFor(new String[] { "run", "--period", "2026-Q3" }))
			.doesNotContain(HealthServer.SERVLET);
		assertThat(HealthServer.argumentsFor(new String[] { "envelopes", "validate", "schedule" }))
			.doesNotContain(HealthServer.SERVLET);
		assertThat(HealthServer.argumentsFor(new String[0])).isEmpty();
	}

}
