package org.envelopereview.review.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Jdbi;

import org.envelopereview.action.ActionFields;
import org.envelopereview.action.chain.ChainBreak;
import org.envelopereview.action.chain.ChainCheckpoint;
import org.envelopereview.action.chain.ChainVerification;
import org.envelopereview.action.chain.ChainVerification.FullReason;
import org.envelopereview.action.chain.ChainVerification.Scope;
import org.envelopereview.action.chain.ChainWalk;
import org.envelopereview.action.chain.IntegrityReport;

import org.springframework.stereotype.Component;

/**
 * The audit-trail verification of a run, as planned from the checkpoints of earlier runs
 * and stored for its packs: the one owner of {@code review_integrity},
 * {@code review_chain_break} and {@code chain_checkpoint}.
 */
@Component
public class ChainIntegrity {

	private static final int MAX_DETAIL = 2000;

	private final Jdbi jdbi;

	private final ChainProperties properties;

	ChainIntegrity(Jdbi jdbi, ChainProperties properties) {
		this.jdbi = jdbi;
		this.properties = properties;
	}

	/**
	 * What the run verifies: every chain from seq 1 when asked, when due by
	 * {@code review.chain.full-verification-every}, when no run wrote checkpoints yet, or
	 * when the latest checkpoint set no longer has the digest its run recorded; otherwise
	 * each agent from the checkpoint of that set.
	 * @param fullRequested {@code run --verify-chains=full}
	 */
	public Plan plan(long runId, boolean fullRequested) {
		return this.jdbi.withExtension(ChainIntegrityDao.class, (dao) -> {
			int every = this.properties.fullVerificationEvery();
			Optional<ChainIntegrityDao.CheckpointSet> latest = dao.latestCheckpointSet(runId);
			List<ChainCheckpoint> basis = latest.map((set) -> dao.checkpointsOf(set.runId())).orElse(List.of());
			String basisSha256 = latest.isPresent() ? ChainCheckpoint.digest(basis) : null;
			boolean altered = latest.isPresent() && !latest.get().checkpointsSha256().equals(basisSha256);
			Optional<Long> lastFull = dao.lastFullRun(runId);
			long since = lastFull.map((full) -> dao.runsSince(full, runId)).orElse(0L);
			FullReason reason = null;
			if (fullRequested) {
				reason = FullReason.REQUESTED;
			}
			else if (latest.isEmpty()) {
				reason = FullReason.NO_CHECKPOINT;
			}
			else if (altered) {
				reason = FullReason.CHECKPOINTS_ALTERED;
			}
			else if (lastFull.isEmpty() || since + 1 >= every) {
				reason = FullReason.SCHEDULED;
			}
			Map<String, ChainCheckpoint> known = byAgent(dao.latestCheckpoints(runId));
			Map<String, ChainCheckpoint> from = (reason == null) ? byAgent(basis) : Map.of();
			return new Plan(runId, (reason == null) ? Scope.SINCE_CHECKPOINTS : Scope.FULL, reason,
					latest.map(ChainIntegrityDao.CheckpointSet::runId).orElse(null), basisSha256, altered, from, known,
					lastFull.orElse(null), every);
		});
	}

	private static Map<String, ChainCheckpoint> byAgent(List<ChainCheckpoint> checkpoints) {
		return checkpoints.stream().collect(Collectors.toMap(ChainCheckpoint::agent, Function.identity()));
	}

	/**
	 * Stores what the run's walk found, and the chains it found intact as the run's
	 * checkpoints. Replaces what an earlier attempt of the same run stored.
	 */
	public void save(Plan plan, ChainWalk walk, List<ChainBreak> breaks, Instant verifiedAt) {
		long runId = plan.runId();
		List<ChainIntegrityDao.BreakRow> rows = new ArrayList<>();
		for (int i = 0; i < breaks.size(); i++) {
			ChainBreak chainBreak = breaks.get(i);
			String detail = (chainBreak.detail() != null) ? chainBreak.detail() : "";
			rows.add(new ChainIntegrityDao.BreakRow(i, chainBreak.agent(), chainBreak.seq(), chainBreak.kind().name(),
					chainBreak.actionId(), chainBreak.occurredAt(),
					(detail.length() <= MAX_DETAIL) ? detail : detail.substring(0, MAX_DETAIL)));
		}
		ChainIntegrityDao.Summary summary = new ChainIntegrityDao.Summary(runId, walk.rowsChecked(),
				plan.scope().label(), (plan.fullBecause() != null) ? plan.fullBecause().label() : null,
				plan.basisRunId(), plan.basisSha256(), plan.basisAltered(), walk.agents(), walk.agentsFromCheckpoint(),
				walk.rowsBeforeCheckpoints(), (long) walk.intact().size(), ChainCheckpoint.digest(walk.intact()),
				(plan.scope() == Scope.FULL) ? Long.valueOf(runId) : plan.lastFullRunId(), plan.fullEvery(),
				verifiedAt);
		this.jdbi.useExtension(ChainIntegrityDao.class, (dao) -> {
			dao.deleteCheckpoints(runId);
			dao.deleteBreaks(runId);
			dao.deleteSummary(runId);
			dao.insertSummary(summary);
			if (!rows.isEmpty()) {
				dao.insertBreaks(runId, rows);
			}
			if (!walk.intact().isEmpty()) {
				dao.insertCheckpoints(runId, verifiedAt, walk.intact());
			}
		});
	}

	public IntegrityReport report(long runId) {
		return this.jdbi.withExtension(ChainIntegrityDao.class, (dao) -> {
			Optional<ChainIntegrityDao.Summary> summary = dao.summary(runId);
			List<ChainBreak> breaks = dao.breaks(runId);
			long rowsChecked = summary.map(ChainIntegrityDao.Summary::rowsChecked).orElse(0L);
			return new IntegrityReport(rowsChecked, breaks,
					summary.filter((row) -> row.verification() != null)
						.map((row) -> verification(dao, row))
						.orElse(null));
		});
	}

	private static ChainVerification verification(ChainIntegrityDao dao, ChainIntegrityDao.Summary row) {
		ChainVerification.RunRef basis = (row.basisRunId() != null) ? dao.runRef(row.basisRunId()).orElse(null) : null;
		ChainVerification.RunRef lastFull = (row.lastFullRunId() != null) ? dao.runRef(row.lastFullRunId()).orElse(null)
				: null;
		long lastFullBreaks = (lastFull != null) ? dao.breakCount(lastFull.runId()) : 0;
		return new ChainVerification(
				Scope.valueOf(row.verification().toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
				(row.fullReason() != null)
						? FullReason.valueOf(row.fullReason().toUpperCase(java.util.Locale.ROOT).replace('-', '_'))
						: null,
				basis, row.basisSha256(), Boolean.TRUE.equals(row.basisAltered()), row.rowsChecked(),
				orZero(row.agents()), orZero(row.agentsFromCheckpoint()), orZero(row.rowsBeforeCheckpoints()),
				orZero(row.checkpoints()), row.checkpointsSha256(), lastFull, lastFullBreaks,
				(row.fullEvery() != null) ? row.fullEvery() : 0, row.verifiedAt());
	}

	private static long orZero(Long value) {
		return (value != null) ? value : 0;
	}

	/** The envelope named by the action where a break shows, if the row still exists. */
	public Optional<String> envelopeOf(String actionId) {
		if (actionId == null) {
			return Optional.empty();
		}
		return this.jdbi.withExtension(ChainIntegrityDao.class, (dao) -> dao.envelopeOf(actionId))
			.map(ActionFields::blankToNull);
	}

	/**
	 * What a run verifies.
	 *
	 * @param fullBecause why every chain is walked from seq 1, or {@code null}
	 * @param basisRunId the run whose checkpoint set is the latest, or {@code null}
	 * @param basisSha256 that set's digest as read now
	 * @param basisAltered that digest differs from the one its run recorded
	 * @param from where each agent's walk starts (empty when full)
	 * @param known each agent's latest checkpoint of any run, checked on the way
	 * @param lastFullRunId the last full verification before this run, or {@code null}
	 */
	public record Plan(long runId, Scope scope, FullReason fullBecause, Long basisRunId, String basisSha256,
			boolean basisAltered, Map<String, ChainCheckpoint> from, Map<String, ChainCheckpoint> known,
			Long lastFullRunId, int fullEvery) {

	}

}
