package org.envelopereview.review.job;

import org.junit.jupiter.api.Test;

import org.envelopereview.review.EvaluationWorker;
import org.envelopereview.support.IntegrationTest;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.integration.dsl.IntegrationFlow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default application evaluates on local threads and has nothing of RabbitMQ or
 * Spring Integration in it: no connection factory that could connect, no flows, no
 * worker.
 */
@IntegrationTest
class RemoteEvaluationWiringTests {

	@Autowired
	ApplicationContext context;

	@Test
	void shouldCreateNoBrokerOrIntegrationBeansWhenWorkersAreLocal() {
		assertThat(this.context.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(AmqpAdmin.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(IntegrationFlow.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(EvaluationWorker.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(PartitionRequestHandler.class)).isEmpty();
		assertThat(this.context.getBeanDefinitionNames())
			.noneMatch((name) -> name.startsWith("integration") || name.contains("rabbit"));
		assertThat(this.context.getBean(ReviewJobConfiguration.EVALUATE_STEP))
			.isInstanceOf(org.springframework.batch.core.partition.PartitionStep.class);
	}

}
