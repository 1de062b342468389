package org.envelopereview.cli;

import java.util.Set;

import org.springframework.context.annotation.Import;

/**
 * The application context a command needs: the less it needs, the sooner it starts.
 */
public enum StartupContext {

	/** None: the command line was answered (help, version, bad usage). */
	NONE,

	/** {@link CommandsWithoutDatabase}: envelopes validate, verify and the generators. */
	WITHOUT_DATABASE,

	/**
	 * The application with its beans made when first used, without the Quartz scheduler:
	 * ingest and run. Flyway still migrates first.
	 */
	DATABASE,

	/**
	 * As {@link #DATABASE}, with Quartz: status reads the stored schedule, and demo runs
	 * commands through picocli, which makes every command.
	 */
	DATABASE_AND_SCHEDULER,

	/** The whole application made at start, web server included: schedule. */
	EVERYTHING;

	private static final Set<Class<?>> DATABASE_COMMANDS = Set.of(IngestCommand.class, RunCommand.class);

	static StartupContext of(Class<?> command) {
		if (Set.of(CommandsWithoutDatabase.class.getAnnotation(Import.class).value()).contains(command)) {
			return WITHOUT_DATABASE;
		}
		if (DATABASE_COMMANDS.contains(command)) {
			return DATABASE;
		}
		return (command == StatusCommand.class || command == DemoCommand.class) ? DATABASE_AND_SCHEDULER : EVERYTHING;
	}

}
