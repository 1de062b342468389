package org.envelopereview.review.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.rabbitmq.client.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.amqp.rabbit.support.ListenerExecutionFailedException;
import org.springframework.amqp.rabbit.listener.ConditionalRejectingErrorHandler;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A worker's handling of partition requests: it runs a range that is waiting or was left
 * running, acknowledges only after the range's step has ended, skips requests that must
 * not run, and gives back a request it could not look at.
 */
class PartitionRequestHandlerTests {

	private static final String RANGE = EvaluationWorkerStep.NAME + ":2026-07-01T00:00:00Z/2026-08-01T00:00:00Z";

	private final JobRepository jobRepository = mock(JobRepository.class);

	private final EvaluationWorkerStep step = mock(EvaluationWorkerStep.class);

	private final Channel channel = mock(Channel.class);

	private final PartitionRequestHandler handler = new PartitionRequestHandler(this.jobRepository, this.step,
			Duration.ZERO);

	private JobExecution job;

	@BeforeEach
	void runningJob() {
		this.job = new JobExecution(3, new JobInstance(1, ReviewJobConfiguration.JOB_NAME), new JobParameters());
		this.job.setStatus(BatchStatus.STARTED);
	}

	/** The handler keeps its run's scope registered on this thread: let go of it. */
	@AfterEach
	void releaseHeldScope() {
		while (JobSynchronizationManager.getContext() != null) {
			JobSynchronizationManager.release();
		}
	}

	@Test
	void shouldRunAWaitingRangeAndAcknowledgeItOnlyAfterItsStepEnded() throws Exception {
		StepExecution range = range(7, BatchStatus.STARTING);

		this.handler.handleMessage(request(7, false));

		InOrder order = inOrder(this.step, this.channel);
		order.verify(this.step).execute(range);
		order.verify(this.channel).basicAck(42, false);
		assertThat(this.handler.partitionsRun()).isEqualTo(1);
	}

	@Test
	void shouldKeepTheRunsScopeOpenBetweenItsRangesAndCloseItForTheNextRun() throws Exception {
		range(7, BatchStatus.STARTING);
		range(8, BatchStatus.STARTING);
		this.handler.handleMessage(request(7, false));
		List<String> closed = new ArrayList<>();
		JobSynchronizationManager.getContext().registerDestructionCallback("inputs", () -> closed.add("run 3"));

		this.handler.handleMessage(request(8, false));

		assertThat(closed).as("still open for the run's next range").isEmpty();
		JobExecution next = new JobExecution(4, new JobInstance(2, ReviewJobConfiguration.JOB_NAME),
				new JobParameters());
		next.setStatus(BatchStatus.STARTED);
		StepExecution range = new StepExecution(9, RANGE, next);
		range.setStatus(BatchStatus.STARTING);
		given(this.jobRepository.getStepExecution(9)).willReturn(range);

		this.handler.handleMessage(request(9, false));

		assertThat(closed).containsExactly("run 3");
		assertThat(JobSynchronizationManager.getContext().getJobExecution().getId()).isEqualTo(4);
	}

	@Test
	void shouldResumeARangeLeftRunningByAKilledWorker() throws Exception {
		StepExecution range = range(7, BatchStatus.STARTED);
		range.setReadCount(300);

		this.handler.handleMessage(request(7, true));

		verify(this.step).execute(range);
		verify(this.channel).basicAck(42, false);
	}

	@Test
	void shouldSkipARangeThatHasAlreadyEnded() throws Exception {
		range(7, BatchStatus.COMPLETED);

		this.handler.handleMessage(request(7, true));

		verify(this.step, never()).execute(any());
		verify(this.channel).basicAck(42, false);
		assertThat(this.handler.partitionsRun()).isZero();
	}

	@Test
	void shouldSkipARangeOfARunThatGaveUp() throws Exception {
		range(7, BatchStatus.STARTING);
		this.job.setStatus(BatchStatus.FAILED);

		this.handler.handleMessage(request(7, false));

		verify(this.step, never()).execute(any());
		verify(this.channel).basicAck(42, false);
	}

	@Test
	void shouldSkipARequestForAnotherStepOrAnUnknownExecution() throws Exception {
		range(7, BatchStatus.STARTING);

		this.handler.handleMessage(message(new StepExecutionRequest("someOtherStep", 7), false));
		this.handler.handleMessage(request(8, false));

		verify(this.step, never()).execute(any());
		verify(this.channel, org.mockito.Mockito.times(2)).basicAck(42, false);
	}

	@Test
	void shouldGiveBackARequestItCouldNotLookAt() throws Exception {
		given(this.jobRepository.getStepExecution(7)).willThrow(new IllegalStateException("database down"));

		this.handler.handleMessage(request(7, false));

		verify(this.channel).basicNack(42, false, true);
		verify(this.channel, never()).basicAck(org.mockito.ArgumentMatchers.anyLong(),
				org.mockito.ArgumentMatchers.anyBoolean());
	}

	@Test
	void shouldDropAMessageThatIsNotAPartitionRequest() throws Exception {
		this.handler.handleMessage(message("run everything", false));

		verify(this.channel).basicNack(42, false, false);
		verify(this.step, never()).execute(any());
	}

	@Test
	void shouldDeserialiseOnlyAPartitionRequestAndDropAnythingElse() {
		SimpleMessageConverter converter = RemoteEvaluationConfiguration.allowListConverter();
		StepExecutionRequest request = new StepExecutionRequest(EvaluationWorkerStep.NAME, 7);
		org.springframework.amqp.core.Message gadget = converter.toMessage(new Gadget("rm -rf /"),
				new MessageProperties());

		Object read = converter.fromMessage(converter.toMessage(request, new MessageProperties()));
		Throwable refused = catchThrowable(() -> converter.fromMessage(gadget));

		assertThat(read).isInstanceOf(StepExecutionRequest.class);
		assertThat(((StepExecutionRequest) read).getStepExecutionId()).isEqualTo(7);
		assertThat(refused).isInstanceOf(MessageConversionException.class)
			.hasMessageContaining("unauthorized class " + Gadget.class.getName());
		assertThat(new ConditionalRejectingErrorHandler.DefaultExceptionStrategy()
			.isFatal(new ListenerExecutionFailedException("listener failed", refused, gadget)))
			.as("rejected without requeue, not redelivered for ever")
			.isTrue();
	}

	/** A serialisable class a hostile publisher might send. */
	record Gadget(String command) implements java.io.Serializable {

	}

	private StepExecution range(long id, BatchStatus status) {
		StepExecution range = new StepExecution(id, RANGE, this.job);
		range.setStatus(status);
		given(this.jobRepository.getStepExecution(id)).willReturn(range);
		return range;
	}

	private Message<?> request(long stepExecutionId, boolean redelivered) {
		return message(new StepExecutionRequest(EvaluationWorkerStep.NAME, stepExecutionId), redelivered);
	}

	private Message<?> message(Object payload, boolean redelivered) {
		return MessageBuilder.withPayload(payload)
			.setHeader(AmqpHeaders.CHANNEL, this.channel)
			.setHeader(AmqpHeaders.DELIVERY_TAG, 42L)
			.setHeader(AmqpHeaders.REDELIVERED, redelivered)
			.build();
	}

}
