package org.envelopereview.action.chain;

import java.util.function.Consumer;

/** Walks every agent's hash chain in the action table and reports each break it finds. */
public interface AuditTrailVerifier {

	/**
	 * Verifies all chains, streaming: memory does not grow with the table.
	 * @param breaks receives each break in (agent, seq) order
	 * @return the number of rows checked
	 */
	long verify(Consumer<ChainBreak> breaks);

}
