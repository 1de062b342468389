package org.envelopereview.cli;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import org.springframework.context.annotation.Import;

/**
 * Reads the command line before any Spring context exists: answers {@code --help},
 * {@code --version} and bad usage at once, exactly as the commands themselves would, and
 * otherwise says which application context the command needs. Parsing is picocli's own,
 * on the same annotated command classes, so options, messages and exit codes are those of
 * the command that then runs.
 */
public final class CommandLineTriage {

	private final Integer exitCode;

	private final boolean database;

	private CommandLineTriage(Integer exitCode, boolean database) {
		this.exitCode = exitCode;
		this.database = database;
	}

	/**
	 * Parses {@code args} (Boot's {@code --spring.*}, {@code --review.*} and
	 * {@code --logging.*} settings left aside); prints help, the version or the usage
	 * error if that is all the command line asks for or allows.
	 */
	public static CommandLineTriage of(String... args) {
		CommandLineTriage[] triage = new CommandLineTriage[1];
		CommandLine commandLine = new CommandLine(EnvelopeReviewCommand.class, new UnwiredCommandFactory(null));
		commandLine.setExecutionStrategy((parseResult) -> {
			Integer help = CommandLine.executeHelpRequest(parseResult);
			if (help != null) {
				triage[0] = new CommandLineTriage(help, false);
				return help;
			}
			Object command = leaf(parseResult).getCommandSpec().userObject();
			if (!(command instanceof Callable<?>) && !(command instanceof Runnable)) {
				// picocli's own answer: "Missing required subcommand" and the usage
				return new CommandLine.RunLast().execute(parseResult);
			}
			triage[0] = new CommandLineTriage(null, needsDatabase(command.getClass()));
			return 0;
		});
		int exitCode = commandLine.execute(CommandLineEntryPoint.ownArguments(args));
		return (triage[0] != null) ? triage[0] : new CommandLineTriage(exitCode, false);
	}

	private static boolean needsDatabase(Class<?> command) {
		return !Set.of(CommandsWithoutDatabase.class.getAnnotation(Import.class).value()).contains(command);
	}

	private static CommandLine leaf(ParseResult parseResult) {
		List<CommandLine> commands = parseResult.asCommandLineList();
		return commands.get(commands.size() - 1);
	}

	/** Whether the command line has been answered already: help, version or bad usage. */
	public boolean answered() {
		return this.exitCode != null;
	}

	/** The exit code of the answered command line. */
	public int exitCode() {
		if (this.exitCode == null) {
			throw new IllegalStateException("the command has not run yet");
		}
		return this.exitCode;
	}

	/**
	 * Whether the command to run needs the full application: the database, Flyway, the
	 * job, the scheduler. When not, {@link CommandsWithoutDatabase} is its whole context.
	 */
	public boolean needsDatabase() {
		return this.database;
	}

}
