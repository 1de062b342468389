package org.envelopereview.support;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * A uniquely named queue and exchange for the evaluate step's partition requests on the
 * real RabbitMQ broker at 127.0.0.1:5672 (guest/guest), deleted afterwards. The product
 * declares them itself; the test only names them and cleans up.
 *
 * <p>
 * When no broker answers, tests are skipped with a loud message on a developer machine,
 * and fail when the {@code CI} environment variable is set.
 */
public final class RabbitQueue implements AutoCloseable {

	private static final String HOST = System.getProperty("review.test.rabbitmq.host", "127.0.0.1");

	private static final int PORT = Integer.getInteger("review.test.rabbitmq.port", 5672);

	private final String name;

	private RabbitQueue(String name) {
		this.name = name;
	}

	/** Names a new queue and exchange, or skips (fails on CI) when no broker answers. */
	public static RabbitQueue create() {
		return create("er-test-");
	}

	/**
	 * Names a new queue and exchange {@code prefix<random>}, or skips (fails on CI) when
	 * no broker answers.
	 */
	public static RabbitQueue create(String prefix) {
		requireServer();
		return new RabbitQueue(prefix + UUID.randomUUID().toString().substring(0, 12));
	}

	private static void requireServer() {
		try (Connection ignored = factory().newConnection()) {
			// reachable
		}
		catch (IOException | TimeoutException ex) {
			String message = "RabbitMQ at " + HOST + ":" + PORT + " is not reachable (" + ex.getMessage() + ")";
			if (System.getenv("CI") != null) {
				throw new IllegalStateException(message + ": CI is set, so RabbitMQ tests must run", ex);
			}
			System.err.println("!!!!! SKIPPING RABBITMQ TESTS: " + message + " !!!!!");
			Assumptions.abort(message);
		}
	}

	private static ConnectionFactory factory() {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(HOST);
		factory.setPort(PORT);
		factory.setUsername("guest");
		factory.setPassword("guest");
		return factory;
	}

	/** The queue's and the exchange's name. */
	public String name() {
		return this.name;
	}

	/** The settings that point the product at this queue and exchange. */
	public String[] settings() {
		return new String[] { "review.job.remote-queue=" + this.name, "review.job.remote-exchange=" + this.name,
				"spring.rabbitmq.host=" + HOST, "spring.rabbitmq.port=" + PORT };
	}

	/** Requests waiting in the queue and consumers attached, or -1 if none exists. */
	public long[] depthAndConsumers() throws IOException, TimeoutException {
		try (Connection connection = factory().newConnection(); Channel channel = connection.createChannel()) {
			com.rabbitmq.client.AMQP.Queue.DeclareOk queue = channel.queueDeclarePassive(this.name);
			return new long[] { queue.getMessageCount(), queue.getConsumerCount() };
		}
		catch (IOException ex) {
			return new long[] { -1, -1 };
		}
	}

	@Override
	public void close() throws IOException, TimeoutException {
		try (Connection connection = factory().newConnection(); Channel channel = connection.createChannel()) {
			channel.queueDelete(this.name);
			channel.exchangeDelete(this.name);
		}
	}

}
