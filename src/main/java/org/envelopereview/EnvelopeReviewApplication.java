package org.envelopereview;

import org.envelopereview.cli.CommandLineTriage;
import org.envelopereview.cli.CommandsWithoutDatabase;
import org.envelopereview.review.EvaluationWorker;
import org.envelopereview.schedule.HealthServer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Envelope Review: the periodic review of pre-authorized policy envelopes for autonomous
 * agents.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EnvelopeReviewApplication {

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/**
	 * Runs one command line: help, version and bad usage are answered before any Spring
	 * context exists; commands that need no database run in a context without one; the
	 * others in the whole application.
	 */
	static int run(String[] args) {
		CommandLineTriage triage = CommandLineTriage.of(args);
		if (triage.answered()) {
			return triage.exitCode();
		}
		Class<?> application = triage.needsDatabase() ? EnvelopeReviewApplication.class : CommandsWithoutDatabase.class;
		return SpringApplication
			.exit(SpringApplication.run(application, EvaluationWorker.argumentsFor(HealthServer.argumentsFor(args))));
	}

}
