package org.envelopereview.cli;

import java.io.IOException;
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

import org.envelopereview.decision.DecisionProperties;
import org.envelopereview.system.ReviewPaths;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code demo}: the README's first command. Runs, in order and exactly as a user would,
 * the real commands on the bundled example data: validate the envelopes, ingest the
 * example history and its CloudTrail trail, review 2026-Q2, record one board's decisions
 * on that pack, and review 2026-Q3, so that trends and the decisions' check show.
 */
@Component
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Run the whole review on the bundled example data, as these commands would:",
				"  envelopes validate; ingest examples/action-history.jsonl examples/cloudtrail-2026.json",
				"  examples/gcp-audit-2026-q3.jsonl examples/azure-activity-2026-q3.json;",
				"  run --period 2026-Q2; decisions template and record for payments-cab;", "  run --period 2026-Q3" })
class DemoCommand implements Callable<Integer> {

	private static final String DECIDED_PERIOD = "2026-Q2";

	private static final String DECIDING_BOARD = "payments-cab";

	private final EnvelopeReviewCommand root;

	private final IFactory factory;

	private final ReviewPaths paths;

	private final DecisionProperties decisions;

	@Spec
	CommandSpec spec;

	@Option(names = "--history", paramLabel = "FILE", defaultValue = "examples/action-history.jsonl",
			description = "The example action history to ingest. Default: ${DEFAULT-VALUE}.")
	Path history;

	@Option(names = "--trail", paramLabel = "FILE", defaultValue = "examples/cloudtrail-2026.json",
			description = "The AWS CloudTrail trail the example agents' records name. Default: ${DEFAULT-VALUE}.")
	Path trail;

	@Option(names = "--gcp", paramLabel = "FILE", defaultValue = "examples/gcp-audit-2026-q3.jsonl",
			description = "A Google Cloud Audit Logs export of 2026-Q3. Default: ${DEFAULT-VALUE}.")
	Path gcp;

	@Option(names = "--azure", paramLabel = "FILE", defaultValue = "examples/azure-activity-2026-q3.json",
			description = "An Azure Activity Log export of 2026-Q3. Default: ${DEFAULT-VALUE}.")
	Path azure;

	@Option(names = "--decisions", paramLabel = "FILE", defaultValue = "examples/decisions-2026-Q2-payments-cab.yaml",
			description = "What the payments board decides on its 2026-Q2 pack. Default: ${DEFAULT-VALUE}.")
	Path boardDecisions;

	DemoCommand(@Lazy EnvelopeReviewCommand root, IFactory factory, ReviewPaths paths, DecisionProperties decisions) {
		this.root = root;
		this.factory = factory;
		this.paths = paths;
		this.decisions = decisions;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		for (Path input : List.of(this.history, this.trail, this.gcp, this.azure, this.boardDecisions)) {
			if (!Files.isRegularFile(input)) {
				this.spec.commandLine()
					.getErr()
					.println("error: " + input + " not found; run the demo from the project's top folder "
							+ "(where envelopes/ and examples/ are), or give --history, --trail, --gcp, --azure and --decisions");
				return 2;
			}
		}
		int validation = step(out, "envelopes", "validate", this.paths.envelopesDir().toString());
		if (validation > 1) {
			return validation;
		}
		int ingest = step(out, "ingest", this.history.toString(), this.trail.toString(), this.gcp.toString(),
				this.azure.toString());
		if (ingest != 0) {
			return ingest;
		}
		int q2 = step(out, "run", "--period", "2026-Q2");
		if (q2 != 0) {
			return q2;
		}
		int decisions = boardDecides(out);
		if (decisions != 0) {
			return decisions;
		}
		return step(out, "run", "--period", "2026-Q3");
	}

	/**
	 * The payments board's meeting on its 2026-Q2 pack: the template, filled in with the
	 * example's decisions (the board's part), then recorded and signed. Decisions once
	 * recorded are never replaced, so a second demo leaves them as they are.
	 */
	private int boardDecides(PrintWriter out) {
		Path record = this.decisions.record(DECIDED_PERIOD, DECIDING_BOARD);
		if (Files.isRegularFile(record)) {
			out.println();
			out.println("(" + DECIDING_BOARD + "'s " + DECIDED_PERIOD + " decisions are already recorded in " + record
					+ "; signed decisions are never replaced)");
			return 0;
		}
		int template = step(out, "decisions", "template", "--period", DECIDED_PERIOD, "--board", DECIDING_BOARD,
				"--force");
		if (template != 0) {
			return template;
		}
		Path filled = this.decisions.template(DECIDED_PERIOD, DECIDING_BOARD);
		out.println();
		out.println("(the board fills in " + filled + " with the decisions of " + this.boardDecisions + ")");
		try {
			Files.writeString(filled, fillIn(Files.readString(filled), Files.readString(this.boardDecisions)));
		}
		catch (IOException ex) {
			this.spec.commandLine().getErr().println("error: cannot fill in " + filled + ": " + ex.getMessage());
			return 2;
		}
		return step(out, "decisions", "record", filled.toString());
	}

	/**
	 * The template up to its {@code decisions:} line (which names the pack just signed),
	 * then the board's entries.
	 */
	static String fillIn(String template, String boardDecisions) {
		int entries = boardDecisions.indexOf("\ndecisions:");
		int placeholders = template.indexOf("\ndecisions:");
		if (entries < 0 || placeholders < 0) {
			throw new IllegalArgumentException("no 'decisions:' list to fill in");
		}
		return template.substring(0, placeholders) + boardDecisions.substring(entries);
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
