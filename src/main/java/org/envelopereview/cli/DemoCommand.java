package org.envelopereview.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.envelopereview.system.ReviewPaths;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code demo}: the README's first command. Runs, in order and exactly as a user would,
 * the real commands on the bundled example data: validate the envelopes, ingest the
 * example history, and review two consecutive quarters so that trends exist.
 */
@Component
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Run the whole review on the bundled example data, as these commands would:",
				"  envelopes validate; ingest examples/action-history.jsonl examples/cloudtrail-2026.json;",
				"  run --period 2026-Q2; run --period 2026-Q3" })
class DemoCommand implements Callable<Integer> {

	private static final List<String> PERIODS = List.of("2026-Q2", "2026-Q3");

	private final EnvelopeReviewCommand root;

	private final IFactory factory;

	private final ReviewPaths paths;

	@Spec
	CommandSpec spec;

	@Option(names = "--history", paramLabel = "FILE", defaultValue = "examples/action-history.jsonl",
			description = "The example action history to ingest. Default: ${DEFAULT-VALUE}.")
	Path history;

	@Option(names = "--trail", paramLabel = "FILE", defaultValue = "examples/cloudtrail-2026.json",
			description = "The AWS CloudTrail trail the example agents' records name. Default: ${DEFAULT-VALUE}.")
	Path trail;

	DemoCommand(@Lazy EnvelopeReviewCommand root, IFactory factory, ReviewPaths paths) {
		this.root = root;
		this.factory = factory;
		this.paths = paths;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		for (Path input : List.of(this.history, this.trail)) {
			if (!Files.isRegularFile(input)) {
				this.spec.commandLine()
					.getErr()
					.println("error: " + input + " not found; run the demo from the project's top folder "
							+ "(where envelopes/ and examples/ are), or give --history FILE and --trail FILE");
				return 2;
			}
		}
		int validation = step(out, "envelopes", "validate", this.paths.envelopesDir().toString());
		if (validation > 1) {
			return validation;
		}
		int ingest = step(out, "ingest", this.history.toString(), this.trail.toString());
		if (ingest != 0) {
			return ingest;
		}
		for (String period : PERIODS) {
			int run = step(out, "run", "--period", period);
			if (run != 0) {
				return run;
			}
		}
		return 0;
	}

	private int step(PrintWriter out, String... args) {
		out.println();
		out.println("$ envelope-review " + String.join(" ", args));
		out.flush();
		CommandLine commandLine = new CommandLine(this.root, this.factory);
		commandLine.setOut(out);
		commandLine.setErr(this.spec.commandLine().getErr());
		return commandLine.execute(args);
	}

}
