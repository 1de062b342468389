package org.envelopereview.review;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.envelopereview.review.output.BoardFindings;
import org.envelopereview.review.output.OutputContextKeys;
import org.envelopereview.review.run.ReviewRuns;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Reads what a run's job execution left when the launch returned: the run status to
 * record, the notes and packs the output steps put in its context, and why it failed.
 */
final class FinishedExecution {

	private final JobExecution execution;

	private final RunStatus status;

	FinishedExecution(JobExecution execution) {
		this.execution = execution;
		this.status = (execution.getStatus() == BatchStatus.FAILED && RunFailure.rejectedByStrict(execution))
				? RunStatus.REJECTED : RunStatus.of(execution.getStatus());
	}

	RunStatus status() {
		return this.status;
	}

	boolean completed() {
		return this.status == RunStatus.COMPLETED;
	}

	/** Why the run did not complete, or {@code null} when it did. */
	String failure() {
		return completed() ? null : RunFailure.describe(this.execution);
	}

	/**
	 * The run's outcome.
	 * @param boards the boards' findings, only when the run completed
	 * @param notes what the launch noted; the files moved aside are added
	 */
	ReviewOutcome outcome(ReviewRuns.RunRow run, boolean restarted, List<BoardFindings> boards, List<String> notes,
			Duration elapsed) {
		List<String> allNotes = new ArrayList<>(notes);
		allNotes.addAll(OutputContextKeys.archived(this.execution.getExecutionContext()));
		List<Path> packs = completed() ? OutputContextKeys.packs(this.execution.getExecutionContext()) : List.of();
		SortedMap<String, Integer> counts = new TreeMap<>();
		SortedMap<String, Path> dirs = new TreeMap<>();
		for (BoardFindings board : boards) {
			counts.put(board.board().id(), board.findings().size());
			dirs.put(board.board().id(), board.outputDir());
		}
		return new ReviewOutcome(run.id(), run.runNumber(), run.period(), this.status, restarted, counts, dirs, boards,
				packs, allNotes, failure(), elapsed);
	}

}
