package org.envelopereview.cli;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Runs the picocli command line inside the Spring context and hands its exit code to
 * Boot. Spring's own {@code --spring.*} and {@code --review.*} arguments are left to
 * Boot. Only the commands of the command line come from the context (see
 * {@link UnwiredCommandFactory}).
 */
@Component
@ConditionalOnProperty(name = "review.cli.enabled", havingValue = "true", matchIfMissing = true)
class CommandLineEntryPoint implements CommandLineRunner, ExitCodeGenerator {

	private final EnvelopeReviewCommand command;

	private final ApplicationContext context;

	private int exitCode;

	CommandLineEntryPoint(EnvelopeReviewCommand command, ApplicationContext context) {
		this.command = command;
		this.context = context;
	}

	@Override
	public void run(String... args) {
		String[] own = ownArguments(args);
		this.exitCode = new CommandLine(this.command, new UnwiredCommandFactory(this.context, commandsOf(own)))
			.execute(own);
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	/** The arguments picocli reads: all but Boot's own settings. */
	static String[] ownArguments(String[] args) {
		return Arrays.stream(args)
			.filter((arg) -> !arg.startsWith("--spring.") && !arg.startsWith("--review.")
					&& !arg.startsWith("--logging."))
			.toArray(String[]::new);
	}

	/** The classes of the command and its parents that {@code args} runs. */
	static Set<Class<?>> commandsOf(String[] args) {
		try {
			return new CommandLine(EnvelopeReviewCommand.class, new UnwiredCommandFactory(null, Set.of()))
				.parseArgs(args)
				.asCommandLineList()
				.stream()
				.map((commandLine) -> commandLine.getCommandSpec().userObject().getClass())
				.collect(Collectors.toSet());
		}
		catch (ParameterException ex) {
			// bad usage: picocli says so before any command is needed
			return Set.of();
		}
	}

}
