package org.envelopereview.review.job;

import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.review.run.RunEnvelopes;
import org.envelopereview.review.run.RunInputs;

/**
 * The run a job execution reviews, as a job-scoped bean: its inputs are read once per
 * execution and let go of when it ends. An execution that snapshots the envelopes keeps
 * the catalog it read; any other (a restart, perhaps in a new process) reads the run's
 * rows and its stored envelope snapshot back from the database.
 */
class ReviewedRun {

	private final RunEnvelopes envelopes;

	private final long runId;

	private RunInputs inputs;

	ReviewedRun(RunEnvelopes envelopes, long runId) {
		this.envelopes = envelopes;
		this.runId = runId;
	}

	/** Stores the catalog as the run's envelope snapshot and reviews it from now on. */
	public synchronized void snapshot(EnvelopeCatalog catalog) {
		this.envelopes.snapshot(this.runId, catalog);
		this.inputs = this.envelopes.inputs(this.runId, catalog);
	}

	public synchronized RunInputs inputs() {
		if (this.inputs == null) {
			this.inputs = this.envelopes.inputs(this.runId);
		}
		return this.inputs;
	}

}
