package org.envelopereview.review.job;

import java.util.ArrayList;
import java.util.List;

import me.tongfei.progressbar.ProgressBar;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import org.envelopereview.action.Action;
import org.envelopereview.review.ReviewScenario;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluate step's progress bar: open at once, its total counted beside the workers.
 */
@IntegrationTest
class EvaluationProgressTests {

	@Autowired
	Jdbi jdbi;

	@Autowired
	ReviewedRun run;

	@Test
	void shouldOpenTheBarAtOnceAndGiveItThePeriodsActionCountWhenCounted() {
		// given
		ActionTable.clear(this.jdbi);
		List<Action> actions = ReviewScenario.actions();
		ActionTable.insert(this.jdbi, actions);
		long inPeriod = actions.stream()
			.filter((action) -> !action.occurredAt().isBefore(Fixtures.Q3.start())
					&& action.occurredAt().isBefore(Fixtures.Q3.end()))
			.count();
		List<Runnable> counts = new ArrayList<>();
		EvaluationProgress progress = new EvaluationProgress(this.jdbi, this.run, counts::add);
		// when: the step starts, the count not yet done
		try (ProgressBar bar = progress.open(1L, Fixtures.Q3)) {
			// then
			assertThat(bar.isIndefinite()).as("the step does not wait for the count").isTrue();
			assertThat(counts).hasSize(1);
			// when: the count is done
			counts.get(0).run();
			// then
			assertThat(bar.isIndefinite()).isFalse();
			assertThat(bar.getMax()).isEqualTo(inPeriod).isLessThan(actions.size());
		}
	}

}
