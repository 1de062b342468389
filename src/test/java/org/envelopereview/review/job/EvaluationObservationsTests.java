package org.envelopereview.review.job;

import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import org.envelopereview.review.ReviewLauncher;
import org.envelopereview.review.ReviewOutcome;
import org.envelopereview.review.ReviewScenario;
import org.envelopereview.review.RunStatus;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.support.IntegrationTest;
import org.envelopereview.support.TestOutput;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluate step is observed per step, never per action: timing every action read and
 * processed cost a fifth of the step's CPU at scale.
 */
@IntegrationTest
class EvaluationObservationsTests {

	@Autowired
	Jdbi jdbi;

	@Autowired
	ReviewLauncher launcher;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ApplicationContext context;

	@Test
	void shouldTimeTheEvaluateStepButNotEachAction() {
		TestOutput.emptied(this.context);
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
