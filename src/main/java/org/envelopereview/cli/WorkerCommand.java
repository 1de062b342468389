package org.envelopereview.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.envelopereview.review.EvaluationWorker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code envelope-review worker}: a long-running worker of the evaluate step, taking its
 * partitions from RabbitMQ (SPEC §6).
 */
@Component
@Command(name = "worker", mixinStandardHelpOptions = true, description = {
		"Evaluate partitions of review runs sent by `run` or `schedule` with review.job.workers=remote, until stopped "
				+ "(SIGTERM or Ctrl-C).",
		"Needs the same PostgreSQL database (spring.datasource.*) and RabbitMQ (spring.rabbitmq.*, "
				+ "review.job.remote-queue) as the process running the review; start as many as you like, anywhere.",
		"A worker stopped or killed mid-partition loses nothing: another resumes the partition from its last commit." })
class WorkerCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	private final ObjectProvider<EvaluationWorker> worker;

	WorkerCommand(ObjectProvider<EvaluationWorker> worker) {
		this.worker = worker;
	}

	@Override
	public Integer call() throws Exception {
		EvaluationWorker worker = this.worker.getObject();
		try {
			worker.start();
		}
		catch (IllegalStateException ex) {
			this.spec.commandLine().getErr().println("worker: " + ex.getMessage());
			return 2;
		}
		System.out.printf("Worker %s taking evaluate partitions from RabbitMQ queue '%s', one at a time. "
				+ "Stop with SIGTERM or Ctrl-C.%n", worker.name(), worker.queue());
		worker.awaitShutdown();
		System.out.printf("Worker %s stopped after %d partition(s).%n", worker.name(), worker.partitionsRun());
		return 0;
	}

}
