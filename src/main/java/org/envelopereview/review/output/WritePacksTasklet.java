package org.envelopereview.review.output;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.envelopereview.review.run.RunInputs;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 6: renders and signs every board's pack from the files step 5 wrote. A kill here
 * leaves the run unfinished, so the next launch restarts it at this step.
 */
public class WritePacksTasklet implements Tasklet {

	/** Job execution context key: the signed packs, one path a line. */
	public static final String PACKS = "review.packs";

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
		putPacks(chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext(), packs);
		return RepeatStatus.FINISHED;
	}

	/**
	 * Records the packs under {@link #PACKS} in the job's context, one path a line: the
	 * format runs of earlier versions stored, so they restart and report alike.
	 */
	static void putPacks(ExecutionContext context, List<Path> packs) {
		context.putString(PACKS, packs.stream().map(Path::toString).collect(Collectors.joining("\n")));
	}

	/** The packs recorded in the job's context; none when the step did not run. */
	public static List<Path> packs(ExecutionContext context) {
		return packs(context.getString(PACKS, ""));
	}

	/** The packs of a {@link #PACKS} value. */
	public static List<Path> packs(String stored) {
		return stored.lines().filter((line) -> !line.isBlank()).map(Path::of).toList();
	}

}
