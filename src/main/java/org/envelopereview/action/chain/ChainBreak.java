package org.envelopereview.action.chain;

import java.time.Instant;

/**
 * A place where an agent's hash chain does not verify: evidence for LOG-CHAIN-BROKEN.
 *
 * @param actionId the row where the break shows, or {@code null} for a missing row
 * @param occurredAt when that row says it happened, or {@code null}
 * @param detail the concrete values, e.g. expected and stored hash, or the missing seq
 * range
 */
public record ChainBreak(String agent, long seq, String actionId, Instant occurredAt, Kind kind, String detail) {

	/** What kind of break: each points at a different tampering. */
	public enum Kind {

		/** The stored hash does not match the row's content: the row was edited. */
		HASH_MISMATCH,
		/**
		 * prevHash does not match the previous row's hash: a row was inserted, removed or
		 * reordered.
		 */
		PREV_HASH_MISMATCH,
		/** seq skips numbers: rows were deleted. */
		SEQ_GAP,
		/**
		 * seq repeats or goes backwards against time: rows were inserted or reordered.
		 */
		SEQ_REPEAT,
		/**
		 * The row a checkpoint names is missing or no longer has the hash an earlier run
		 * verified: rows up to it were rewritten, or removed.
		 */
		CHECKPOINT_MISMATCH

	}

}
