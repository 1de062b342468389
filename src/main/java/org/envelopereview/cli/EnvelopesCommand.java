package org.envelopereview.cli;

import picocli.CommandLine.Command;

import org.springframework.stereotype.Component;

/** {@code envelopes}: work with the envelope files and boards.yaml. */
@Component
@Command(name = "envelopes", mixinStandardHelpOptions = true, subcommands = ValidateEnvelopesCommand.class,
		description = "Work with the envelope files and boards.yaml.")
class EnvelopesCommand {

}
