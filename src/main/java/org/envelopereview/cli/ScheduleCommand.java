package org.envelopereview.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.envelopereview.review.EvaluationWorkers;
import org.envelopereview.schedule.NextReview;
import org.envelopereview.schedule.ReviewScheduler;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** {@code envelope-review schedule}: the long-running scheduler of periodic reviews. */
@Component
@Command(name = "schedule", mixinStandardHelpOptions = true,
		description = { "Run the review of each period as it ends, until stopped (SIGTERM or Ctrl-C).",
				"Cadence: review.schedule.cron (default '0 0 2 1 1,4,7,10 ?'), review.schedule.time-zone (UTC), "
						+ "review.schedule.period (quarter|month|half-year).",
				"Several schedule processes on one PostgreSQL database form a cluster: each period is reviewed once." })
class ScheduleCommand implements Callable<Integer> {

	private final ReviewScheduler scheduler;

	private final Environment environment;

	private final EvaluationWorkers workers;

	ScheduleCommand(ReviewScheduler scheduler, Environment environment, EvaluationWorkers workers) {
		this.scheduler = scheduler;
		this.environment = environment;
		this.workers = workers;
	}

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		NextReview next;
		try {
			this.workers.requireSupported();
			next = this.scheduler.start();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			this.spec.commandLine().getErr().println("error: " + ex.getMessage());
			return 2;
		}
		System.out.printf("Scheduler %s running: next review of %s at %s (cron '%s' %s).%n",
				this.scheduler.instanceId(), next.period().label(), next.fireTime(), next.cron(), next.timeZone());
		String port = this.environment.getProperty("local.server.port");
		System.out.println(((port != null) ? "Health: http://127.0.0.1:" + port + "/actuator/health. "
				: "Health: not served (no web server in this process). ") + "Stop with SIGTERM or Ctrl-C.");
		this.scheduler.awaitShutdown();
		System.out.printf("Scheduler %s stopped after %d review(s).%n", this.scheduler.instanceId(),
				this.scheduler.reviewsRun());
		return 0;
	}

}
