package org.envelopereview.review.output;

import java.nio.file.Path;
import java.util.List;

import org.envelopereview.review.run.RunInputs;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 6: renders and signs every board's pack from the files step 5 wrote. A kill here
 * leaves the run unfinished, so the next launch restarts it at this step.
 */
public class WritePacksTasklet implements Tasklet {

	private final BoardReviewAssembler assembler;

	private final PackPublisher publisher;

	private final RunInputs inputs;

	public WritePacksTasklet(BoardReviewAssembler assembler, PackPublisher publisher, RunInputs inputs) {
		this.assembler = assembler;
		this.publisher = publisher;
		this.inputs = inputs;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		List<Path> packs = this.publisher.publish(this.assembler.assemble(this.inputs));
		contribution.incrementWriteCount(packs.size());
		OutputContextKeys
			.putPacks(chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext(), packs);
		return RepeatStatus.FINISHED;
	}

}
