package org.envelopereview.review;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;

import static org.assertj.core.api.Assertions.assertThat;

class RunStatusTests {

	@Test
	void shouldRecordEveryJobStatusUnderItsOwnName() {
		for (BatchStatus status : BatchStatus.values()) {
			assertThat(RunStatus.of(status).name()).isEqualTo(status.name());
		}
	}

	@Test
	void shouldRestartARunThatDidNotFinishButNeverOneThatEndedOrWasRefused() {
		assertThat(RunStatus.FAILED.restartable()).isTrue();
		assertThat(RunStatus.STOPPED.restartable()).isTrue();
		assertThat(RunStatus.STARTING.restartable()).isTrue();
		assertThat(RunStatus.UNKNOWN.restartable()).isTrue();
		assertThat(RunStatus.COMPLETED.restartable()).isFalse();
		assertThat(RunStatus.ABANDONED.restartable()).isFalse();
		assertThat(RunStatus.REJECTED.restartable()).isFalse();
	}

}
