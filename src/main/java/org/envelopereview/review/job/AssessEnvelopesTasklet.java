package org.envelopereview.review.job;

import org.envelopereview.review.run.RunInputs;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step 4: measures and assesses every envelope of the run (ENV-*, EXP-*). */
class AssessEnvelopesTasklet implements Tasklet {

	private final EnvelopeAssessment assessment;

	private final RunInputs inputs;

	AssessEnvelopesTasklet(EnvelopeAssessment assessment, RunInputs inputs) {
		this.assessment = assessment;
		this.inputs = inputs;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		contribution.incrementWriteCount(this.assessment.assess(this.inputs));
		return RepeatStatus.FINISHED;
	}

}
