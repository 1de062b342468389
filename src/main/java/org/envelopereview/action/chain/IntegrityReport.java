package org.envelopereview.action.chain;

import java.util.List;

/** The result of walking the audit trail's hash chains. */
public record IntegrityReport(long rowsChecked, List<ChainBreak> breaks) {

	public IntegrityReport {
		breaks = List.copyOf(breaks);
	}

}
