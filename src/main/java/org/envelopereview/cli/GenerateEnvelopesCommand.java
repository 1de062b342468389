package org.envelopereview.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.envelopereview.generator.SyntheticEnvelopes;

import org.springframework.stereotype.Component;

/**
 * {@code generate-envelopes}: writes many synthetic, valid envelopes for benchmarks at
 * scale.
 */
@Component
@Command(name = "generate-envelopes", mixinStandardHelpOptions = true,
		description = "Write COUNT synthetic, valid envelopes and a boards.yaml into a directory (for benchmarks).")
class GenerateEnvelopesCommand implements Callable<Integer> {

	private final SyntheticEnvelopes envelopes;

	@Spec
	CommandSpec spec;

	@Option(names = "--count", paramLabel = "M", defaultValue = "1000",
			description = "How many envelopes. Default: ${DEFAULT-VALUE}.")
	int count;

	@Option(names = { "-o", "--out" }, paramLabel = "DIR", required = true,
			description = "Directory to write into (created if missing).")
	Path out;

	GenerateEnvelopesCommand(SyntheticEnvelopes envelopes) {
		this.envelopes = envelopes;
	}

	@Override
	public Integer call() throws IOException {
		int files = this.envelopes.write(this.count, this.out);
		this.spec.commandLine()
			.getErr()
			.printf("Wrote %d files (%d envelopes and boards.yaml) to %s%n", files, this.count, this.out);
		return 0;
	}

}
