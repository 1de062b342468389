package org.envelopereview.review.job;

import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import org.envelopereview.review.ReviewJobTests;
import org.envelopereview.review.ReviewLauncher;
import org.envelopereview.review.ReviewOutcome;
import org.envelopereview.review.ReviewScenario;
import org.envelopereview.review.RunStatus;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluate step is observed per step, never per action: timing every action read and
 * processed cost a fifth of the step's CPU at scale.
 */
@IntegrationTest
class EvaluationObservationsTests {

	static final Path OUTPUT = ReviewJobTests.newOutputDir();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ReviewJobTests.reviewProperties(registry, OUTPUT);
	}

	@Autowired
	Jdbi jdbi;

	@Autowired
	ReviewLauncher launcher;

	@Autowired
	MeterRegistry meters;

	@Test
	void shouldTimeTheEvaluateStepButNotEachAction() {
		ActionTable.clear(this.jdbi);
		ActionTable.insert(this.jdbi, ReviewScenario.actions());

		ReviewOutcome outcome = this.launcher.run(Fixtures.Q3, null, false);

		assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(this.meters.find("spring.batch.step").tag("spring.batch.step.name", "evaluateActionsStep").timer())
			.as("the partitioned step is still observed")
			.isNotNull();
		assertThat(this.meters.find("spring.batch.item.read").timers()).isEmpty();
		assertThat(this.meters.find("spring.batch.item.process").timers()).isEmpty();
	}

}
