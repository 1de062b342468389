package org.envelopereview.review;

import java.util.Set;

import org.springframework.batch.core.BatchStatus;

/**
 * The status of a review run, as stored in {@code review_run.status}: the job's
 * {@link BatchStatus} when the launch returned, {@code STARTING} until then, or
 * {@code REJECTED} when {@code --strict} refused the run.
 */
public enum RunStatus {

	/** Created; the launch has not returned yet (or its process died before it did). */
	STARTING,

	STARTED,

	STOPPING,

	STOPPED,

	FAILED,

	COMPLETED,

	ABANDONED,

	UNKNOWN,

	/** {@code --strict} refused invalid envelope files: closed, never restarted. */
	REJECTED;

	private static final Set<RunStatus> RESTARTABLE = Set.of(FAILED, STOPPED, STARTING, STARTED, STOPPING, UNKNOWN);

	/** The run status a job execution's status records. */
	public static RunStatus of(BatchStatus status) {
		return valueOf(status.name());
	}

	/**
	 * Whether the next launch of the period restarts this run rather than start a new
	 * one: it did not finish, and nothing closed it.
	 */
	public boolean restartable() {
		return RESTARTABLE.contains(this);
	}

}
