package org.envelopereview;

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
		System.exit(SpringApplication
			.exit(SpringApplication.run(EnvelopeReviewApplication.class, HealthServer.argumentsFor(args))));
	}

}
