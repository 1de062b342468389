package org.envelopereview.schedule;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Decides from the command line whether the process serves HTTP: only the long-running
 * {@code schedule} command does, for its health on a local port; every other command
 * starts no web server.
 */
public final class HealthServer {

	static final String SERVLET = "--spring.main.web-application-type=servlet";

	private HealthServer() {
	}

	/**
	 * The arguments to start Spring with: {@code args}, plus a web server for schedule.
	 */
	public static String[] argumentsFor(String[] args) {
		boolean schedule = Arrays.stream(args)
			.filter((arg) -> !arg.startsWith("-"))
			.findFirst()
			.filter("schedule"::equals)
			.isPresent();
		return schedule ? Stream.concat(Arrays.stream(args), Stream.of(SERVLET)).toArray(String[]::new) : args;
	}

}
