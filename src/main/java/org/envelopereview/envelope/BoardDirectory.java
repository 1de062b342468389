package org.envelopereview.envelope;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The boards and the approver directory read from {@code boards.yaml}. */
public record BoardDirectory(List<Board> boards, List<Approver> approvers) {

	public BoardDirectory {
		boards = List.copyOf(boards);
		approvers = List.copyOf(approvers);
	}

	public Optional<Board> board(String id) {
		return this.boards.stream().filter((board) -> board.id().equals(id)).findFirst();
	}

	public Optional<Board> defaultBoard() {
		return this.boards.stream().filter(Board::isDefault).findFirst();
	}

	public Optional<Approver> approver(String email) {
		return this.approvers.stream().filter((approver) -> approver.email().equalsIgnoreCase(email)).findFirst();
	}

	public boolean isActiveApprover(String email, Instant at) {
		return email != null && approver(email).map((approver) -> approver.activeAt(at)).orElse(false);
	}

}
