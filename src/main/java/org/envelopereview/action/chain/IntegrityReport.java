package org.envelopereview.action.chain;

import java.util.List;

/**
 * The result of walking the audit trail's hash chains.
 *
 * @param verification what the walk covered, or {@code null} for a run made before
 * checkpoints existed (every chain was walked from seq 1)
 */
public record IntegrityReport(long rowsChecked, List<ChainBreak> breaks, ChainVerification verification) {

	public IntegrityReport {
		breaks = List.copyOf(breaks);
	}

	/** A report of a full walk with nothing recorded about checkpoints. */
	public IntegrityReport(long rowsChecked, List<ChainBreak> breaks) {
		this(rowsChecked, breaks, null);
	}

}
