package org.envelopereview.review.job;

import java.util.stream.Collectors;

import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.review.run.ReportedOnce;
import org.envelopereview.review.run.RunEnvelopes;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 1: reads the envelopes directory and snapshots every file under the run. With
 * {@code --strict}, any invalid file fails the run here, before anything is written. Then
 * claims what the run's packs report once ({@link ReportedOnce}).
 */
public class SnapshotEnvelopesTasklet implements Tasklet {

	private final RunEnvelopes envelopes;

	private final ReviewedRun run;

	private final ReportedOnce reportedOnce;

	private final boolean strict;

	SnapshotEnvelopesTasklet(RunEnvelopes envelopes, ReviewedRun run, ReportedOnce reportedOnce, boolean strict) {
		this.envelopes = envelopes;
		this.run = run;
		this.reportedOnce = reportedOnce;
		this.strict = strict;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		EnvelopeCatalog catalog = this.envelopes.read();
		if (this.strict && !catalog.valid()) {
			throw new InvalidEnvelopesException("--strict: " + catalog.problems().size()
					+ " problem(s) in the envelope files, nothing was written:\n  "
					+ catalog.problems().stream().map(Object::toString).collect(Collectors.joining("\n  ")));
		}
		this.run.snapshot(catalog);
		// in this step's transaction: a restart reports what the first attempt claimed
		this.reportedOnce.claim(this.run.inputs());
		contribution.incrementWriteCount(catalog.files().size());
		return RepeatStatus.FINISHED;
	}

	/** The envelope files are invalid and the run is strict. */
	public static class InvalidEnvelopesException extends RuntimeException {

		InvalidEnvelopesException(String message) {
			super(message);
		}

	}

}
