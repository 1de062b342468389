package org.envelopereview.review;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.envelopereview.review.job.PartitionRequestHandler;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.stereotype.Component;

/**
 * This process as a worker of the evaluate step (the {@code worker} command): takes
 * partition requests from the RabbitMQ queue one at a time until the application stops. A
 * range still running when it stops is given back to the queue unacknowledged, and the
 * next worker resumes it from its last committed chunk.
 */
@Component
@ConditionalOnProperty(name = "review.job.worker-process", havingValue = "true")
public class EvaluationWorker {

	private static final Log logger = LogFactory.getLog(EvaluationWorker.class);

	static final String WORKER_PROCESS = "--review.job.worker-process=true";

	private final AmqpInboundChannelAdapter requests;

	private final PartitionRequestHandler handler;

	private final EvaluationWorkers workers;

	private final ApplicationContext context;

	private final String queue;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile boolean started;

	EvaluationWorker(AmqpInboundChannelAdapter partitionRequestsInbound, PartitionRequestHandler handler,
			EvaluationWorkers workers, ApplicationContext context,
			@Value("${review.job.remote-queue:envelope-review.evaluate}") String queue) {
		this.requests = partitionRequestsInbound;
		this.handler = handler;
		this.workers = workers;
		this.context = context;
		this.queue = queue;
	}

	/**
	 * The arguments to start Spring with: {@code args}, plus the worker's AMQP beans when
	 * the command is {@code worker}; no other command creates them.
	 */
	public static String[] argumentsFor(String[] args) {
		boolean worker = Arrays.stream(args)
			.filter((arg) -> !arg.startsWith("-"))
			.findFirst()
			.filter("worker"::equals)
			.isPresent();
		return worker ? Stream.concat(Arrays.stream(args), Stream.of(WORKER_PROCESS)).toArray(String[]::new) : args;
	}

	/**
	 * Starts taking requests.
	 * @throws IllegalStateException when the database is not PostgreSQL
	 */
	public void start() {
		this.workers.requireSharedDatabase("worker");
		this.requests.start();
		this.started = true;
		logger.info("Worker " + name() + " taking evaluate partitions from RabbitMQ queue '" + this.queue + "'");
	}

	/** Host and process id, as the worker's log lines and the status name it. */
	public String name() {
		return ManagementFactory.getRuntimeMXBean().getName();
	}

	public String queue() {
		return this.queue;
	}

	public void awaitShutdown() throws InterruptedException {
		this.stopped.await();
	}

	/** How many ranges this worker has run to their end. */
	public int partitionsRun() {
		return this.handler.partitionsRun();
	}

	@EventListener
	void stop(ContextClosedEvent event) {
		if (!this.started || event.getApplicationContext() != this.context) {
			return;
		}
		this.started = false;
		try {
			this.requests.stop();
		}
		finally {
			this.stopped.countDown();
		}
	}

}
