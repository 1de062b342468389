package org.envelopereview.decision;

import java.util.List;

/**
 * What a review found about one board's decisions: each decision it checked and each
 * requested decision nobody recorded.
 */
public record BoardDecisionChecks(String boardId, List<CheckedDecision> checked, List<UndecidedRequest> undecided) {

	public BoardDecisionChecks {
		checked = List.copyOf(checked);
		undecided = List.copyOf(undecided);
	}

}
