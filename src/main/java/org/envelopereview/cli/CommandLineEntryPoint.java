package org.envelopereview.cli;

import java.util.Arrays;

import picocli.CommandLine.IFactory;
import picocli.CommandLine;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs the picocli command line inside the Spring context and hands its exit code to
 * Boot. Spring's own {@code --spring.*} and {@code --review.*} arguments are left to
 * Boot.
 */
@Component
@ConditionalOnProperty(name = "review.cli.enabled", havingValue = "true", matchIfMissing = true)
class CommandLineEntryPoint implements CommandLineRunner, ExitCodeGenerator {

	private final EnvelopeReviewCommand command;

	private final IFactory factory;

	private int exitCode;

	CommandLineEntryPoint(EnvelopeReviewCommand command, IFactory factory) {
		this.command = command;
		this.factory = factory;
	}

	@Override
	public void run(String... args) {
		this.exitCode = new CommandLine(this.command, this.factory).execute(ownArguments(args));
	}

	/** The arguments picocli reads: all but Boot's own settings. */
	static String[] ownArguments(String[] args) {
		return Arrays.stream(args)
			.filter((arg) -> !arg.startsWith("--spring.") && !arg.startsWith("--review.")
					&& !arg.startsWith("--logging."))
			.toArray(String[]::new);
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
