package org.envelopereview.review.job;

import java.io.PrintStream;
import java.util.List;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Names each step of the review on stderr as it starts, so that a long run never sits
 * silent: at 1M actions the chain verification of a first run and the assessment of the
 * envelopes each take tens of seconds before anything else is shown.
 */
@Component
class StepProgress implements StepExecutionListener {

	/** The job's steps in order, with what each one does for the reader. */
	static final List<Step> STEPS = List.of(new Step("snapshotEnvelopesStep", "reading the envelopes"),
			new Step("attributeActionsStep", "attributing provider actions to envelopes"),
			new Step("verifyAuditTrailStep", "verifying the agents' hash chains"),
			new Step(ReviewJobConfiguration.EVALUATE_STEP, "evaluating the actions"),
			new Step("assessEnvelopesStep", "measuring and assessing the envelopes"),
			new Step("writeOutputsStep", "writing the findings and the exports"),
			new Step("writePacksStep", "rendering and signing the packs"));

	private final PrintStream out;

	StepProgress() {
		this(System.err);
	}

	StepProgress(PrintStream out) {
		this.out = out;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		String period = stepExecution.getJobExecution().getJobParameters().getString("period");
		for (int i = 0; i < STEPS.size(); i++) {
			if (STEPS.get(i).name().equals(stepExecution.getStepName())) {
				this.out.printf("Review %s, step %d of %d: %s%n", period, i + 1, STEPS.size(),
						STEPS.get(i).description());
				return;
			}
		}
	}

	record Step(String name, String description) {
	}

}
