package org.envelopereview.action.chain;

import java.util.List;

/**
 * What one walk of the chains read and found intact.
 *
 * @param rowsChecked rows read and checked
 * @param agents agents whose chains were walked (with a row, or with a checkpoint)
 * @param agentsFromCheckpoint agents walked from their checkpoint row rather than seq 1
 * @param rowsBeforeCheckpoints rows before those checkpoints (seq 1 to the checkpoint's
 * seq − 1): not read by this walk, vouched for by the run that verified the checkpoint
 * @param intact the last row of every agent whose walk found no break: the next
 * checkpoints
 */
public record ChainWalk(long rowsChecked, long agents, long agentsFromCheckpoint, long rowsBeforeCheckpoints,
		List<ChainCheckpoint> intact) {

	public ChainWalk {
		intact = List.copyOf(intact);
	}

}
