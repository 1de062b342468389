package org.envelopereview.review.job;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.rabbitmq.client.Channel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * A worker's handling of one partition request: runs the range's step execution with the
 * evaluate step's own worker step, then acknowledges the request. Until then the request
 * stays unacknowledged, so a worker killed mid-range gives it back to the broker and the
 * next worker resumes the same step execution from its last committed chunk (its reader
 * position is in the execution context the job repository holds).
 *
 * <p>
 * Does what Spring Batch's {@code StepExecutionRequestHandler} does, and refuses requests
 * that must not run: a range that has already ended (a request redelivered after its
 * worker finished but died before acknowledging), and a range whose job execution is no
 * longer running (the manager gave up on it after {@code review.job.remote-timeout}; the
 * restarted run sends the range again as a new step execution).
 */
public class PartitionRequestHandler implements MessageHandler {

	private static final Log logger = LogFactory.getLog(PartitionRequestHandler.class);

	/** Before giving back a request that could not even be looked at (database down). */
	static final Duration BACK_OFF = Duration.ofSeconds(5);

	private final JobRepository jobRepository;

	private final EvaluationWorkerStep step;

	private final Duration backOff;

	private final AtomicInteger partitionsRun = new AtomicInteger();

	/** The job execution whose scope this worker keeps open between its ranges. */
	private JobExecution held;

	PartitionRequestHandler(JobRepository jobRepository, EvaluationWorkerStep step, Duration backOff) {
		this.jobRepository = jobRepository;
		this.step = step;
		this.backOff = backOff;
	}

	/** How many ranges this worker has run to their end. */
	public int partitionsRun() {
		return this.partitionsRun.get();
	}

	@Override
	public void handleMessage(Message<?> message) {
		Channel channel = message.getHeaders().get(AmqpHeaders.CHANNEL, Channel.class);
		long deliveryTag = message.getHeaders().get(AmqpHeaders.DELIVERY_TAG, Long.class);
		if (!(message.getPayload() instanceof StepExecutionRequest request)) {
			logger.warn(
					"Dropped a message that is not a partition request: " + message.getPayload().getClass().getName());
			settle(channel, deliveryTag, false, false);
			return;
		}
		boolean handled = false;
		try {
			handle(request, Boolean.TRUE.equals(message.getHeaders().get(AmqpHeaders.REDELIVERED)));
			handled = true;
		}
		catch (RuntimeException ex) {
			logger.error("Could not run " + request + "; giving it back to the queue in " + this.backOff.toSeconds()
					+ " s: " + ex.getMessage(), ex);
			pause(this.backOff);
		}
		settle(channel, deliveryTag, handled, true);
	}

	private void handle(StepExecutionRequest request, boolean redelivered) {
		StepExecution execution = this.jobRepository.getStepExecution(request.getStepExecutionId());
		if (execution == null) {
			logger.warn("Skipped " + request + ": the job repository holds no such step execution");
			return;
		}
		if (!EvaluationWorkerStep.NAME.equals(request.getStepName())) {
			logger.warn("Skipped " + request + ": this worker runs only " + EvaluationWorkerStep.NAME);
			return;
		}
		JobExecution job = execution.getJobExecution();
		if (!execution.getStatus().isRunning()) {
			logger.info("Skipped " + describe(execution) + ": it has already ended " + execution.getStatus());
			return;
		}
		if (!job.getStatus().isRunning()) {
			logger.info("Skipped " + describe(execution) + ": its run's job execution is " + job.getStatus()
					+ "; running the review again sends the range anew");
			return;
		}
		long readBefore = execution.getReadCount();
		long started = System.nanoTime();
		logger.info((redelivered ? "Resuming " : "Running ") + describe(execution)
				+ (redelivered && readBefore > 0 ? " after its " + readBefore + " committed actions" : ""));
		holdScopeOf(job);
		try {
			this.step.execute(execution);
		}
		catch (JobInterruptedException ex) {
			execution.setStatus(BatchStatus.STOPPED);
			execution.setExitStatus(ExitStatus.STOPPED);
			this.jobRepository.update(execution);
		}
		this.partitionsRun.incrementAndGet();
		logger.info(String.format("%s %s: %d actions read in %.1f s", describe(execution), execution.getStatus(),
				execution.getReadCount() - readBefore, (System.nanoTime() - started) / 1e9));
	}

	/**
	 * Keeps the run's job scope open from one of its ranges to the next. The worker step
	 * registers the job execution for a range and releases it after; in a worker process
	 * nothing else holds it, so Spring Batch closed the scope after every range and the
	 * next one read the run's envelope snapshot again (1,000 envelopes: about 5 s of each
	 * range's hand-off). The scope of the run before is let go of when a range of another
	 * run arrives. Requests come on the one consumer thread, whose registrations these
	 * are.
	 */
	private void holdScopeOf(JobExecution job) {
		if (this.held != null && this.held.getId() == job.getId()) {
			return;
		}
		if (this.held != null) {
			JobSynchronizationManager.release();
		}
		JobSynchronizationManager.register(job);
		this.held = job;
	}

	private static String describe(StepExecution execution) {
		return "partition " + execution.getStepName().substring(execution.getStepName().indexOf(':') + 1)
				+ " (step execution " + execution.getId() + ", job execution " + execution.getJobExecutionId() + ")";
	}

	/**
	 * Acknowledges a request that ran or was rightly skipped; gives back (requeue) one
	 * that could not be looked at, or drops one that is not a request.
	 */
	private static void settle(Channel channel, long deliveryTag, boolean ack, boolean requeue) {
		try {
			if (ack) {
				channel.basicAck(deliveryTag, false);
			}
			else {
				channel.basicNack(deliveryTag, false, requeue);
			}
		}
		catch (IOException ex) {
			// the channel is gone: the broker redelivers the request to the next worker,
			// which skips it if this one finished it
			logger.warn("Could not settle partition request " + deliveryTag + ": " + ex.getMessage());
		}
	}

	private static void pause(Duration backOff) {
		try {
			Thread.sleep(backOff.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
