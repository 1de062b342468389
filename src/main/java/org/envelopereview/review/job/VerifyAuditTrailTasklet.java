package org.envelopereview.review.job;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.envelopereview.action.chain.AuditTrailVerifier;
import org.envelopereview.action.chain.ChainBreak;
import org.envelopereview.action.chain.ChainWalk;
import org.envelopereview.finding.FindingStore;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.review.rules.ChainBreakRule;
import org.envelopereview.review.run.ChainIntegrity;
import org.envelopereview.review.run.FindingRouter;
import org.envelopereview.review.run.RunInputs;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 3: walks every agent's hash chain, from the checkpoints of an earlier run or, when
 * a full verification is asked for or due, from seq 1; stores the integrity report of the
 * run with the chains it found intact as its checkpoints, and turns the breaks that
 * belong to the period into LOG-CHAIN-BROKEN findings. Everything it stores commits with
 * the step, so a restarted step starts again from the same checkpoints.
 */
class VerifyAuditTrailTasklet implements Tasklet {

	private final AuditTrailVerifier verifier;

	private final ChainIntegrity integrity;

	private final FindingStore store;

	private final FindingRouter router;

	private final RunInputs inputs;

	private final boolean fullRequested;

	private final Clock clock = Clock.systemUTC();

	VerifyAuditTrailTasklet(AuditTrailVerifier verifier, ChainIntegrity integrity, FindingStore store,
			FindingRouter router, RunInputs inputs, boolean fullRequested) {
		this.verifier = verifier;
		this.integrity = integrity;
		this.store = store;
		this.router = router;
		this.inputs = inputs;
		this.fullRequested = fullRequested;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		ChainIntegrity.Plan plan = this.integrity.plan(this.inputs.runId(), this.fullRequested);
		List<ChainBreak> breaks = new ArrayList<>();
		ChainWalk walk = this.verifier.verify(plan.from(), plan.known(), breaks::add);
		this.integrity.save(plan, walk, breaks, this.clock.instant());
		this.store.deleteCodes(this.inputs.runId(), EnumSet.of(ChainBreakRule.CODE));
		List<StoredFinding> findings = breaks.stream()
			.filter((chainBreak) -> ChainBreakRule.belongsTo(chainBreak, this.inputs.period()))
			.map((chainBreak) -> ChainBreakRule.breach(chainBreak, this.integrity.envelopeOf(chainBreak.actionId())))
			.flatMap((breach) -> this.router.route(breach, this.inputs).stream())
			.toList();
		this.store.insert(this.inputs.runId(), findings);
		contribution.incrementReadCount();
		contribution.incrementWriteCount(findings.size());
		return RepeatStatus.FINISHED;
	}

}
