package org.envelopereview.review;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.envelopereview.finding.Severity;
import org.envelopereview.period.Period;
import org.envelopereview.review.output.BoardFindings;

/**
 * What a review run produced: the hand-off to the command line and the scheduler.
 *
 * @param status the run's status, e.g. {@link RunStatus#COMPLETED} or
 * {@link RunStatus#FAILED}, or {@link RunStatus#REJECTED} when {@code --strict} refused
 * invalid envelope files
 * @param restarted true when this call restarted an earlier failed run of the period
 * @param findingsByBoard finding counts per board
 * @param outputDirs {@code out/<period>/<board>/} per board
 * @param boards each board's findings, only when the run completed
 * @param notes things the person running it should know (files moved aside, a restart
 * that kept the original run's options)
 * @param packs the signed packs the job wrote, in board order; none when packs are
 * switched off or the run did not complete
 * @param failure why the run failed, or {@code null}
 */
public record ReviewOutcome(long runId, int runNumber, Period period, RunStatus status, boolean restarted,
		SortedMap<String, Integer> findingsByBoard, SortedMap<String, Path> outputDirs, List<BoardFindings> boards,
		List<Path> packs, List<String> notes, String failure, Duration elapsed) {

	public ReviewOutcome {
		findingsByBoard = new TreeMap<>(findingsByBoard);
		outputDirs = new TreeMap<>(outputDirs);
		boards = List.copyOf(boards);
		packs = List.copyOf(packs);
		notes = List.copyOf(notes);
	}

	public boolean completed() {
		return this.status == RunStatus.COMPLETED;
	}

	/**
	 * Finding counts per code over the boards' packs (an unassigned finding sent to every
	 * board counts once per board).
	 */
	public SortedMap<String, Integer> countsByCode() {
		SortedMap<String, Integer> counts = new TreeMap<>();
		this.boards.forEach(
				(board) -> board.findings().forEach((finding) -> counts.merge(finding.code().code(), 1, Integer::sum)));
		return counts;
	}

	/** Finding counts per board and severity. */
	public SortedMap<String, Map<Severity, Integer>> countsByBoardAndSeverity() {
		SortedMap<String, Map<Severity, Integer>> counts = new TreeMap<>();
		for (BoardFindings board : this.boards) {
			Map<Severity, Integer> bySeverity = new java.util.EnumMap<>(Severity.class);
			for (Severity severity : Severity.values()) {
				bySeverity.put(severity, 0);
			}
			board.findings().forEach((finding) -> bySeverity.merge(finding.severity(), 1, Integer::sum));
			counts.put(board.board().id(), bySeverity);
		}
		return counts;
	}

}
