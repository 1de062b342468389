package org.envelopereview.review.job;

import java.time.Duration;
import java.util.List;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The evaluate step on worker processes (SPEC §6): Spring Batch remote partitioning with
 * RabbitMQ as the transport and the PostgreSQL job repository as the point of
 * coordination.
 *
 * <p>
 * The manager ({@code review.job.workers=remote}) sends one request per time range to a
 * durable queue and polls the job repository until every range's step execution has
 * finished: no replies travel back, so none can be lost or aggregated wrongly (the
 * reply-aggregating mode has open upstream bugs). A worker (the {@code worker} command)
 * takes one request at a time (prefetch 1) and acknowledges it only once the range's step
 * has ended, so the broker hands a killed worker's request to another, which resumes the
 * range from its last committed chunk.
 *
 * <p>
 * Nothing here exists in a process that needs neither: RabbitMQ's auto-configuration is
 * excluded from the application (application.properties) and imported only here, so a
 * local run opens no connection and creates no AMQP or Integration beans.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RemoteEvaluationConfiguration.BrokerUsed.class)
@Import(RabbitAutoConfiguration.class)
@EnableIntegration
class RemoteEvaluationConfiguration {

	static final String WORKERS = "review.job.workers";

	/** Set by the application for the {@code worker} command only. */
	static final String WORKER_PROCESS = "review.job.worker-process";

	/** The classes a partition request may deserialise to: exactly one. */
	static final List<String> ALLOWED_REQUEST_TYPES = List.of(StepExecutionRequest.class.getName());

	@Bean
	RemoteEvaluationSettings remoteEvaluationSettings(
			@Value("${review.job.remote-queue:envelope-review.evaluate}") String queue,
			@Value("${review.job.remote-exchange:envelope-review}") String exchange,
			@Value("${review.job.remote-partitions:64}") int partitions,
			@Value("${review.job.remote-timeout:PT6H}") Duration timeout,
			@Value("${review.job.remote-poll-interval:PT2S}") Duration pollInterval) {
		return new RemoteEvaluationSettings(queue, exchange, partitions, timeout, pollInterval);
	}

	/** Declared by the first process to connect, manager or worker. */
	@Bean
	Queue partitionRequestQueue(RemoteEvaluationSettings settings) {
		return QueueBuilder.durable(settings.queue()).build();
	}

	@Bean
	DirectExchange partitionRequestExchange(RemoteEvaluationSettings settings) {
		return new DirectExchange(settings.exchange(), true, false);
	}

	@Bean
	Binding partitionRequestBinding(Queue partitionRequestQueue, DirectExchange partitionRequestExchange) {
		return BindingBuilder.bind(partitionRequestQueue)
			.to(partitionRequestExchange)
			.with(partitionRequestQueue.getName());
	}

	/**
	 * The manager's evaluate step: the same ranges as the local one, sent as requests to
	 * the queue; it then reads the job repository every poll interval until all have
	 * finished, or fails the run after the timeout.
	 */
	@Bean
	@ConditionalOnProperty(name = WORKERS, havingValue = "remote")
	Step evaluateActionsStep(JobRepository jobRepository, EvaluationPartitioner evaluationPartitioner,
			EvaluationProgress evaluationProgress, StepProgress stepProgress, DirectChannel partitionRequests,
			RemoteEvaluationSettings settings, ObjectProvider<AmqpAdmin> broker) {
		return new RemotePartitioningManagerStepBuilder(ReviewJobConfiguration.EVALUATE_STEP, jobRepository)
			.partitioner(EvaluationWorkerStep.NAME, evaluationPartitioner)
			.gridSize(settings.partitions())
			.outputChannel(partitionRequests)
			.pollInterval(settings.pollInterval().toMillis())
			.timeout(settings.timeout().toMillis())
			.listener(stepProgress)
			.listener(evaluationProgress)
			.listener(evaluationProgress.followingWorkers(settings.pollInterval()))
			.listener(new RemotePartitionsOutcome(jobRepository, settings, broker))
			.build();
	}

	@Bean
	@ConditionalOnProperty(name = WORKERS, havingValue = "remote")
	DirectChannel partitionRequests() {
		return new DirectChannel();
	}

	/** Persistent messages (Spring AMQP's default delivery mode) on a durable queue. */
	@Bean
	@ConditionalOnProperty(name = WORKERS, havingValue = "remote")
	IntegrationFlow partitionRequestsToBroker(DirectChannel partitionRequests, AmqpTemplate amqpTemplate,
			RemoteEvaluationSettings settings) {
		return IntegrationFlow.from(partitionRequests)
			.handle(Amqp.outboundAdapter(amqpTemplate).exchangeName(settings.exchange()).routingKey(settings.queue()))
			.get();
	}

	/**
	 * One consumer taking one unacknowledged request at a time, acknowledged by
	 * {@link PartitionRequestHandler} when the range's step has ended. Started by the
	 * worker command, not with the context.
	 */
	@Bean
	@ConditionalOnProperty(name = WORKER_PROCESS, havingValue = "true")
	SimpleMessageListenerContainer partitionRequestListener(ConnectionFactory connectionFactory,
			RemoteEvaluationSettings settings) {
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
		container.setQueueNames(settings.queue());
		container.setPrefetchCount(1);
		container.setConcurrentConsumers(1);
		container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
		container.setAutoStartup(false);
		// a broker that is down or a queue not yet declared is waited for, not fatal
		container.setMissingQueuesFatal(false);
		// on SIGTERM, a range still running after this is left unacknowledged: the broker
		// hands it to another worker, which resumes it from its last committed chunk
		container.setShutdownTimeout(10_000);
		return container;
	}

	/** Partition requests as the worker's handler receives them. */
	@Bean
	@ConditionalOnProperty(name = WORKER_PROCESS, havingValue = "true")
	DirectChannel partitionRequestsReceived() {
		return new DirectChannel();
	}

	/**
	 * Deserialises a request only into the allow-listed type: any other serialised class
	 * is refused before it is instantiated, and the message is rejected without requeue.
	 */
	@Bean
	@ConditionalOnProperty(name = WORKER_PROCESS, havingValue = "true")
	AmqpInboundChannelAdapter partitionRequestsInbound(SimpleMessageListenerContainer partitionRequestListener,
			DirectChannel partitionRequestsReceived) {
		AmqpInboundChannelAdapter adapter = new AmqpInboundChannelAdapter(partitionRequestListener);
		adapter.setMessageConverter(allowListConverter());
		adapter.setOutputChannel(partitionRequestsReceived);
		adapter.setAutoStartup(false);
		return adapter;
	}

	static SimpleMessageConverter allowListConverter() {
		SimpleMessageConverter converter = new AllowListConverter();
		converter.setAllowedListPatterns(ALLOWED_REQUEST_TYPES);
		return converter;
	}

	/**
	 * Reports a refused class as a conversion failure: Spring AMQP's allow-list check
	 * throws a bare {@link SecurityException}, which the listener container's
	 * ConditionalRejectingErrorHandler does not count as fatal, so the message would be
	 * requeued and redelivered for ever; as a {@link MessageConversionException} it is
	 * rejected and dropped (no upstream issue found).
	 */
	static class AllowListConverter extends SimpleMessageConverter {

		@Override
		public Object fromMessage(Message message) {
			try {
				return super.fromMessage(message);
			}
			catch (SecurityException ex) {
				throw new MessageConversionException(
						"refused a message of a type that is not a partition request: " + ex.getMessage(), ex);
			}
		}

	}

	@Bean
	@ConditionalOnProperty(name = WORKER_PROCESS, havingValue = "true")
	PartitionRequestHandler partitionRequestHandler(JobRepository jobRepository,
			EvaluationWorkerStep evaluateActionsPartition) {
		return new PartitionRequestHandler(jobRepository, evaluateActionsPartition, PartitionRequestHandler.BACK_OFF);
	}

	@Bean
	@ConditionalOnProperty(name = WORKER_PROCESS, havingValue = "true")
	IntegrationFlow partitionRequestsToWorker(DirectChannel partitionRequestsReceived,
			PartitionRequestHandler partitionRequestHandler) {
		return IntegrationFlow.from(partitionRequestsReceived).handle(partitionRequestHandler).get();
	}

	/** The manager sends partitions to the broker, or this process is a worker. */
	static class BrokerUsed extends AnyNestedCondition {

		BrokerUsed() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnProperty(name = WORKERS, havingValue = "remote")
		static class RemoteWorkers {

		}

		@ConditionalOnProperty(name = WORKER_PROCESS, havingValue = "true")
		static class WorkerProcess {

		}

	}

}
