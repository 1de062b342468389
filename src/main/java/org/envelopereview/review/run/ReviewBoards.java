package org.envelopereview.review.run;

import java.util.List;

import org.envelopereview.envelope.Board;
import org.envelopereview.envelope.BoardDirectory;

/** The boards a run writes outputs for: every board, or the one asked for. */
public final class ReviewBoards {

	private ReviewBoards() {
	}

	public static List<ReviewedBoard> of(RunInputs inputs) {
		BoardDirectory directory = inputs.catalog().directory();
		if (directory.boards().isEmpty()) {
			// no readable boards.yaml: everything goes to one run-level report
			return List
				.of(new ReviewedBoard(new Board(FindingRouter.NO_BOARD, "Unassigned findings", true, List.of()), true));
		}
		boolean hasDefault = directory.defaultBoard().isPresent();
		return directory.boards()
			.stream()
			.filter((board) -> inputs.includesBoard(board.id()))
			.map((board) -> new ReviewedBoard(board, board.isDefault() || !hasDefault))
			.toList();
	}

	/** A board and whether it receives the findings that belong to no board. */
	public record ReviewedBoard(Board board, boolean receivesUnassigned) {
	}

}
