package org.envelopereview.action.chain;

import java.util.Map;
import java.util.function.Consumer;

/** Walks every agent's hash chain in the action table and reports each break it finds. */
public interface AuditTrailVerifier {

	/**
	 * Verifies all chains from seq 1, streaming: memory does not grow with the table.
	 * @param breaks receives each break in (agent, seq) order
	 * @return the number of rows checked
	 */
	default long verify(Consumer<ChainBreak> breaks) {
		return verify(Map.of(), Map.of(), breaks).rowsChecked();
	}

	/**
	 * Verifies all chains, each agent's from its checkpoint row on or from seq 1.
	 * @param from where to start, by agent: the agent's checkpoint row, which must still
	 * be there with the checkpoint's hash; agents not in it are walked from seq 1
	 * @param known the last checkpoint ever verified of each agent: a walk that passes
	 * its seq checks that the row still has its hash, and an agent that no longer has
	 * that row is a break (unless the row was withdrawn from review)
	 * @param breaks receives each break, agent by agent in seq order
	 */
	ChainWalk verify(Map<String, ChainCheckpoint> from, Map<String, ChainCheckpoint> known,
			Consumer<ChainBreak> breaks);

}
