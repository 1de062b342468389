package org.envelopereview.action.chain;

import java.time.Instant;
import java.util.Locale;

/**
 * What a run's audit-trail verification covered, as its packs state it: every row from
 * seq 1 (full) or every row from the checkpoints an earlier run verified, what it did not
 * re-read, the checkpoints it wrote for the next run, and the last full verification.
 *
 * @param fullBecause why the verification was full, or {@code null} when it started from
 * checkpoints
 * @param checkpointsOf the run whose checkpoints this run started from (or, when full,
 * compared its walk with), or {@code null} when no run had written any
 * @param checkpointsOfSha256 digest ({@link ChainCheckpoint#digest}) of that set as this
 * run read it
 * @param checkpointsAltered that set no longer has the digest its run recorded when it
 * wrote it: the checkpoint table was changed, and the run verified every chain in full
 * @param rowsChecked rows this run read and checked
 * @param agentsFromCheckpoint agents verified from their checkpoint row rather than seq 1
 * @param rowsBeforeCheckpoints rows before those checkpoints, not re-read by this run
 * @param checkpointsWritten agents whose chains this run found intact: the checkpoints
 * the next run starts from
 * @param lastFull the last full verification up to this run (this run itself when full)
 * @param lastFullBreaks the breaks that full verification found
 * @param fullEvery {@code review.chain.full-verification-every} as this run applied it
 */
public record ChainVerification(Scope scope, FullReason fullBecause, RunRef checkpointsOf, String checkpointsOfSha256,
		boolean checkpointsAltered, long rowsChecked, long agents, long agentsFromCheckpoint,
		long rowsBeforeCheckpoints, long checkpointsWritten, String checkpointsWrittenSha256, RunRef lastFull,
		long lastFullBreaks, int fullEvery, Instant verifiedAt) {

	public boolean full() {
		return this.scope == Scope.FULL;
	}

	/** Full, or from the checkpoints of an earlier run. */
	public enum Scope {

		FULL, SINCE_CHECKPOINTS;

		public String label() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	/** Why a verification read every chain from seq 1. */
	public enum FullReason {

		/** {@code run --verify-chains=full}. */
		REQUESTED("requested (--verify-chains=full)"),
		/** {@code review.chain.full-verification-every} runs since the last full one. */
		SCHEDULED("scheduled (review.chain.full-verification-every)"),
		/** No earlier run had written checkpoints. */
		NO_CHECKPOINT("no earlier run had written checkpoints"),
		/** The checkpoint set no longer had the digest its run recorded. */
		CHECKPOINTS_ALTERED("the stored checkpoints no longer match the digest their run recorded");

		private final String text;

		FullReason(String text) {
			this.text = text;
		}

		public String label() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		/** The reason in words, for the pack. */
		public String text() {
			return this.text;
		}

	}

	/**
	 * A review run as the packs name it.
	 *
	 * @param verifiedAt when it verified the chains
	 */
	public record RunRef(long runId, String period, int runNumber, Instant verifiedAt) {

		/** {@code 2026-Q3 run 1}. */
		@Override
		public String toString() {
			return this.period + " run " + this.runNumber;
		}

	}

}
