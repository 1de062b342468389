package org.envelopereview;

import java.util.Map;

import org.envelopereview.cli.CommandLineTriage;
import org.envelopereview.cli.CommandsWithoutDatabase;
import org.envelopereview.cli.StartupContext;
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

	/** Only {@code schedule} serves health; elsewhere it would make the scheduler. */
	private static final Map<String, Object> WITHOUT_HEALTH = Map.of("management.endpoint.health.access", "none");

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/**
	 * Runs one command line: help, version and bad usage are answered before any Spring
	 * context exists; every command then starts only the context it needs (see
	 * {@link StartupContext}).
	 */
	static int run(String[] args) {
		CommandLineTriage triage = CommandLineTriage.of(args);
		if (triage.answered()) {
			return triage.exitCode();
		}
		return SpringApplication.exit(application(triage.context()).run(HealthServer.argumentsFor(args)));
	}

	private static SpringApplication application(StartupContext context) {
		if (context == StartupContext.WITHOUT_DATABASE) {
			return new SpringApplication(CommandsWithoutDatabase.class);
		}
		SpringApplication application = new SpringApplication(EnvelopeReviewApplication.class);
		if (context == StartupContext.DATABASE_AND_SCHEDULER) {
			application.setLazyInitialization(true);
			application.setDefaultProperties(WITHOUT_HEALTH);
		}
		else if (context == StartupContext.DATABASE) {
			application.setLazyInitialization(true);
			application.setDefaultProperties(Map.of("spring.autoconfigure.exclude",
					"org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
					"management.endpoint.health.access", "none"));
		}
		return application;
	}

}
