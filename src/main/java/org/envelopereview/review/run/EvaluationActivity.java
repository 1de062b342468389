package org.envelopereview.review.run;

import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.jdbi.v3.core.Jdbi;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the evaluate step is doing now, for {@code status}: its partitions in flight (from
 * the job repository) and, when the workers are remote, how many workers the broker sees
 * on the queue and how many requests wait there.
 */
@Component
public class EvaluationActivity {

	private final Jdbi jdbi;

	private final ObjectProvider<AmqpAdmin> broker;

	private final String queue;

	EvaluationActivity(Jdbi jdbi, ObjectProvider<AmqpAdmin> broker,
			@Value("${review.job.remote-queue:envelope-review.evaluate}") String queue) {
		this.jdbi = jdbi;
		this.broker = broker;
		this.queue = queue;
	}

	/** The partitions started or waiting for a worker, in running job executions. */
	public List<PartitionInFlight> inFlight() {
		return this.jdbi.withExtension(PartitionActivityDao.class, PartitionActivityDao::inFlight);
	}

	/**
	 * The queue as the broker sees it; empty when this process does not use the broker
	 * (local workers).
	 */
	public Optional<WorkerQueue> workerQueue() {
		AmqpAdmin admin = this.broker.getIfAvailable();
		if (admin == null) {
			return Optional.empty();
		}
		try {
			Properties properties = admin.getQueueProperties(this.queue);
			if (properties == null) {
				return Optional.of(new WorkerQueue(this.queue, 0, 0, "the queue does not exist yet"));
			}
			return Optional.of(new WorkerQueue(this.queue,
					Integer.parseInt(String.valueOf(properties.get(RabbitAdmin.QUEUE_CONSUMER_COUNT))),
					Long.parseLong(String.valueOf(properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT))), null));
		}
		catch (AmqpException ex) {
			Throwable root = ex;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			return Optional.of(new WorkerQueue(this.queue, -1, -1, "RabbitMQ did not answer: " + root.getMessage()));
		}
	}

	/**
	 * The partition request queue.
	 *
	 * @param name the queue
	 * @param workers consumers attached: one per running worker
	 * @param waiting requests no worker has taken yet
	 * @param problem why the broker could not be read, or {@code null}
	 */
	public record WorkerQueue(String name, int workers, long waiting, String problem) {

	}

}
