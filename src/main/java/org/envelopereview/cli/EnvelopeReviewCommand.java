package org.envelopereview.cli;

import picocli.CommandLine.Command;

import org.springframework.stereotype.Component;

/**
 * The top-level {@code envelope-review} command; each feature contributes a subcommand.
 */
@Component
@Command(name = "envelope-review", mixinStandardHelpOptions = true,
		subcommands = { EnvelopesCommand.class, IngestCommand.class, RunCommand.class, DemoCommand.class,
				GenerateHistoryCommand.class, GenerateEnvelopesCommand.class, VerifyCommand.class,
				RetimestampCommand.class, ScheduleCommand.class, WorkerCommand.class, StatusCommand.class,
				DecisionsCommand.class },
		versionProvider = VersionProvider.class,
		description = "Periodic review of the policy envelopes under which AI agents change cloud network configuration.")
public class EnvelopeReviewCommand {

}
