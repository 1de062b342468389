package org.envelopereview.decision;

import java.util.List;

/**
 * A decision the previous period's pack requested that no recorded decision answers.
 *
 * @param period the period whose pack asked
 * @param reasons the codes of the findings that asked for it
 */
public record UndecidedRequest(String boardId, String envelopeId, String period, int runNumber, List<String> reasons) {

	public UndecidedRequest {
		reasons = List.copyOf(reasons);
	}

}
