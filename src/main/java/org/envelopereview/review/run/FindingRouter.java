package org.envelopereview.review.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.envelopereview.envelope.Board;
import org.envelopereview.envelope.BoardDirectory;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCatalogue;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.system.Sha256;

import org.springframework.stereotype.Component;

/**
 * Routes a breach to the board(s) whose pack shows it and gives it its controls: the
 * envelope's board; findings with no board (no envelope, unknown envelope) go to the
 * default board, or to every board when none is default, flagged unassigned (SPEC §4).
 */
@Component
public class FindingRouter {

	/** Where findings go when boards.yaml defines no board at all. */
	static final String NO_BOARD = "unassigned";

	private static final int MAX_KEY_LENGTH = 512;

	private final FindingCatalogue catalogue = FindingCatalogue.shipped();

	public List<StoredFinding> route(Breach breach, RunInputs inputs) {
		List<StoredFinding> routed = new ArrayList<>();
		for (Destination destination : destinations(breach, inputs)) {
			if (!inputs.includesBoard(destination.boardId())) {
				continue;
			}
			Finding finding = new Finding(breach.code(), breach.severity(), destination.boardId(),
					destination.unassigned(), breach.envelopeId(), breach.actionId(), breach.explanation(),
					breach.evidence(), this.catalogue.controlsFor(breach.code()));
			routed.add(new StoredFinding(key(breach, destination.boardId()), finding));
		}
		return routed;
	}

	private static List<Destination> destinations(Breach breach, RunInputs inputs) {
		BoardDirectory directory = inputs.catalog().directory();
		if (breach.boardId() != null && directory.board(breach.boardId()).isPresent()) {
			return List.of(new Destination(breach.boardId(), false));
		}
		Optional<String> envelopeBoard = Optional.ofNullable(breach.envelopeId())
			.flatMap(inputs.catalog()::envelope)
			.map(Envelope::boardId)
			.filter((board) -> directory.board(board).isPresent());
		if (envelopeBoard.isPresent()) {
			return List.of(new Destination(envelopeBoard.get(), false));
		}
		return unassigned(directory);
	}

	/** The boards that receive findings which belong to no board. */
	static List<Destination> unassigned(BoardDirectory directory) {
		Optional<Board> defaultBoard = directory.defaultBoard();
		if (defaultBoard.isPresent()) {
			return List.of(new Destination(defaultBoard.get().id(), true));
		}
		if (directory.boards().isEmpty()) {
			return List.of(new Destination(NO_BOARD, true));
		}
		return directory.boards().stream().map((board) -> new Destination(board.id(), true)).toList();
	}

	static String key(Breach breach, String boardId) {
		String key = String.join("|", breach.code().code(), boardId, nullToEmpty(breach.envelopeId()),
				nullToEmpty(breach.actionId()), breach.discriminator());
		return (key.length() <= MAX_KEY_LENGTH) ? key : breach.code().code() + "|sha256:" + sha256(key);
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	private static String sha256(String text) {
		return Sha256.hex(text);
	}

	/** A board a finding goes to, and whether it arrives there as unassigned. */
	record Destination(String boardId, boolean unassigned) {
	}

}
