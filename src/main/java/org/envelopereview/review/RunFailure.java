package org.envelopereview.review;

import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import org.envelopereview.review.job.SnapshotEnvelopesTasklet;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Why a job execution failed, as the person who launched it reads it: a refusal by
 * {@code --strict}, a lost database connection, or the failed step's own message.
 */
final class RunFailure {

	private RunFailure() {
	}

	/**
	 * Whether {@code --strict} refused the run: an invalid envelope file anywhere in a
	 * failure's cause chain. A refusal, not an interruption: the run is closed rather
	 * than restarted.
	 */
	static boolean rejectedByStrict(JobExecution execution) {
		for (Throwable failure : execution.getAllFailureExceptions()) {
			for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause()
					: null) {
				if (cause instanceof SnapshotEnvelopesTasklet.InvalidEnvelopesException) {
					return true;
				}
			}
		}
		return false;
	}

	/** One line naming the failed step and why it failed. */
	static String describe(JobExecution execution) {
		List<Throwable> failures = execution.getAllFailureExceptions();
		if (failures.isEmpty()) {
			return "the job ended " + execution.getStatus() + " (" + execution.getExitStatus().getExitDescription()
					+ ")";
		}
		Throwable cause = failures.get(0);
		// our own messages name the board, file or setting; a bare JDK one only the path
		while (!(cause instanceof UncheckedIOException) && cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String lost = failures.stream()
			.map((failure) -> lostConnection(failure, 0))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		String step = execution.getStepExecutions()
			.stream()
			.filter((stepExecution) -> stepExecution.getStatus() == BatchStatus.FAILED)
			.map((stepExecution) -> stepExecution.getStepName())
			.findFirst()
			.orElse("the job");
		if (lost != null) {
			return step + " failed: lost the connection to the database (" + lost
					+ "); once the database answers again, run the same command to restart the run";
		}
		return step + " failed: " + ((cause.getMessage() != null) ? cause.getMessage() : cause.toString());
	}

	/**
	 * The message of a lost connection anywhere in the failure: SQLSTATE class 08
	 * (connection) or 57 (the server ended the session), or what Spring translated from
	 * them; {@code null} if there is none.
	 */
	private static String lostConnection(Throwable failure, int depth) {
		if (failure == null || depth > 20) {
			return null;
		}
		if (failure instanceof SQLException sql && sql.getSQLState() != null
				&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57"))) {
			// a failed batch repeats its SQL in the message: the next exception says why
			SQLException reason = (sql.getNextException() != null) ? sql.getNextException() : sql;
			return String.valueOf(reason.getMessage()).lines().findFirst().orElse("");
		}
		if (failure instanceof DataAccessResourceFailureException resource) {
			return resource.getMostSpecificCause().getMessage();
		}
		if (failure instanceof TransactionSystemException transaction) {
			String original = lostConnection(transaction.getApplicationException(), depth + 1);
			if (original != null) {
				return original;
			}
		}
		for (Throwable suppressed : failure.getSuppressed()) {
			String message = lostConnection(suppressed, depth + 1);
			if (message != null) {
				return message;
			}
		}
		return (failure.getCause() != failure) ? lostConnection(failure.getCause(), depth + 1) : null;
	}

}
