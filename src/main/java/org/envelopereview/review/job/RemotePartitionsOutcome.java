package org.envelopereview.review.job;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Says in words why the manager's evaluate step failed when the workers are remote: no
 * worker finished the ranges in time (Spring Batch reports a bare
 * {@link TimeoutException}), or the broker could not be reached. On a timeout it also
 * marks the unfinished ranges failed, so that a worker that starts later skips their
 * requests instead of running them for a run that has given up, and a worker still busy
 * on one stops at its next commit (its step execution's version has moved on).
 */
class RemotePartitionsOutcome implements StepExecutionListener {

	private static final Log logger = LogFactory.getLog(RemotePartitionsOutcome.class);

	private final JobRepository jobRepository;

	private final RemoteEvaluationSettings settings;

	private final ObjectProvider<AmqpAdmin> broker;

	RemotePartitionsOutcome(JobRepository jobRepository, RemoteEvaluationSettings settings,
			ObjectProvider<AmqpAdmin> broker) {
		this.jobRepository = jobRepository;
		this.settings = settings;
		this.broker = broker;
	}

	@Override
	public ExitStatus afterStep(StepExecution managerStep) {
		List<Throwable> failures = managerStep.getFailureExceptions();
		for (Throwable failure : failures) {
			String explained = explain(managerStep, failure);
			if (explained != null) {
				failures.remove(failure);
				RemoteWorkersException clear = new RemoteWorkersException(explained);
				clear.addSuppressed(failure);
				failures.add(0, clear);
				return new ExitStatus(ExitStatus.FAILED.getExitCode(), explained);
			}
		}
		return managerStep.getExitStatus();
	}

	private String explain(StepExecution managerStep, Throwable failure) {
		if (failure instanceof TimeoutException) {
			int unfinished = markUnfinishedFailed(managerStep.getJobExecutionId());
			return "no worker completed the evaluate step's partitions within review.job.remote-timeout ("
					+ this.settings.timeout() + "): " + unfinished + " of them had not finished; " + consumers()
					+ ". Start `envelope-review worker` processes that reach this PostgreSQL "
					+ "database and RabbitMQ, then run the same command again: the run resumes with the "
					+ "partitions still to do";
		}
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof AmqpException) {
				return "could not send the evaluate step's partitions to RabbitMQ (" + rootMessage(cause)
						+ "); once the broker answers (spring.rabbitmq.*), run the same command again";
			}
		}
		return null;
	}

	/** The queue's consumers as the broker counts them, or why it cannot say. */
	private String consumers() {
		AmqpAdmin admin = this.broker.getIfAvailable();
		if (admin == null) {
			return "the broker was not asked how many workers are connected";
		}
		try {
			Properties queue = admin.getQueueProperties(this.settings.queue());
			if (queue == null) {
				return "RabbitMQ has no queue '" + this.settings.queue() + "'";
			}
			Object consumers = queue.get(RabbitAdmin.QUEUE_CONSUMER_COUNT);
			return ("0".equals(String.valueOf(consumers)) ? "no worker is" : consumers + " worker(s) are")
					+ " connected to RabbitMQ queue '" + this.settings.queue() + "'";
		}
		catch (AmqpException ex) {
			return "RabbitMQ could not be asked how many workers are connected (" + rootMessage(ex) + ")";
		}
	}

	private int markUnfinishedFailed(long jobExecutionId) {
		JobExecution job = this.jobRepository.getJobExecution(jobExecutionId);
		int unfinished = 0;
		for (StepExecution range : (job != null) ? job.getStepExecutions() : List.<StepExecution>of()) {
			if (range.getStepName().startsWith(EvaluationWorkerStep.NAME + ":") && range.getStatus().isRunning()) {
				unfinished++;
				range.setStatus(BatchStatus.FAILED);
				range.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(),
						"no worker completed it within review.job.remote-timeout"));
				range.setEndTime(LocalDateTime.now());
				try {
					this.jobRepository.update(range);
				}
				catch (OptimisticLockingFailureException ex) {
					// a worker recorded progress a moment ago: the restart's recovery
					// marks it
					logger.debug("Range " + range.getStepName() + " moved on while marked failed: " + ex.getMessage());
				}
			}
		}
		return unfinished;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.toString();
	}

	/** The evaluate step's remote workers did not do the work, said in words. */
	static class RemoteWorkersException extends RuntimeException {

		RemoteWorkersException(String message) {
			super(message);
		}

	}

}
