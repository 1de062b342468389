package org.envelopereview.review.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.envelopereview.export.BoardExports;
import org.envelopereview.finding.FindingStore;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.review.recommend.Recommendation;
import org.envelopereview.review.run.ReviewBoards;
import org.envelopereview.review.run.RunInputs;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 5: writes findings.json (with each envelope's recommendation), findings.csv and
 * run.json for every board of the run, then the board's OSCAL and OCSF exports beside
 * them.
 */
public class WriteOutputsTasklet implements Tasklet {

	private final ReviewOutputs outputs;

	private final FindingStore store;

	private final BoardReviewAssembler assembler;

	private final BoardExports exports;

	private final RunInputs inputs;

	public WriteOutputsTasklet(ReviewOutputs outputs, FindingStore store, BoardReviewAssembler assembler,
			BoardExports exports, RunInputs inputs) {
		this.outputs = outputs;
		this.exports = exports;
		this.store = store;
		this.assembler = assembler;
		this.inputs = inputs;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		List<StoredFinding> all = this.store.findings(this.inputs.runId());
		List<String> archived = new ArrayList<>();
		Map<String, Object> auditTrail = ReviewOutputs.auditTrailDocument(this.assembler.quarantined(this.inputs),
				this.assembler.trail(this.inputs), this.assembler.integrity(this.inputs));
		Map<String, Recommendation> recommendations = this.assembler.recommendations(this.inputs);
		for (ReviewBoards.ReviewedBoard board : ReviewBoards.of(this.inputs)) {
			List<StoredFinding> findings = all.stream()
				.filter((stored) -> stored.finding().boardId().equals(board.board().id()))
				.toList();
			List<Recommendation> recommended = recommendations.values()
				.stream()
				.filter((recommendation) -> recommendation.boardId().equals(board.board().id()))
				.toList();
			this.outputs
				.write(this.inputs, board.board().id(), board.receivesUnassigned(), findings, auditTrail, recommended)
				.ifPresent(archived::add);
			this.exports.write(this.inputs, board.board(), findings,
					this.outputs.boardDir(this.inputs.period(), board.board().id()));
			contribution.incrementWriteCount(findings.size());
		}
		OutputContextKeys.putArchived(
				chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext(), archived);
		return RepeatStatus.FINISHED;
	}

}
