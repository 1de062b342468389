package org.envelopereview.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.envelopereview.decision.Decision;
import org.envelopereview.decision.DecisionLedger;
import org.envelopereview.decision.DecisionProperties;
import org.envelopereview.decision.DecisionRecorder;
import org.envelopereview.decision.DecisionTemplates;
import org.envelopereview.envelope.EnvelopeProblem;
import org.envelopereview.period.Period;

import org.springframework.stereotype.Component;

/**
 * {@code decisions}: the board's side of the loop (SPEC §8): the template after the
 * meeting, recording it, and the ledger of every decision.
 */
@Component
@Command(name = "decisions", mixinStandardHelpOptions = true,
		subcommands = { DecisionsCommand.Template.class, DecisionsCommand.Record.class, DecisionsCommand.Ledger.class },
		description = "Record, sign and export the decisions each review pack asks its board for.")
class DecisionsCommand {

	/** {@code decisions template --period P --board B}. */
	@Component
	@Command(name = "template", mixinStandardHelpOptions = true,
			description = "Write decisions/<period>/<board>.yaml: one entry per decision the board's pack requested, "
					+ "pre-filled with the envelope, its findings and the pack's SHA-256.")
	static class Template implements Callable<Integer> {

		private final DecisionTemplates templates;

		@Option(names = "--period", required = true, paramLabel = "PERIOD",
				description = "the reviewed period whose pack the board answers, e.g. 2026-Q2")
		String period;

		@Option(names = "--board", required = true, paramLabel = "ID", description = "the board, as in boards.yaml")
		String board;

		@Option(names = "--force", description = "replace an existing (perhaps filled-in) template")
		boolean force;

		@Spec
		CommandSpec spec;

		Template(DecisionTemplates templates) {
			this.templates = templates;
		}

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			try {
				DecisionTemplates.Written written = this.templates.write(Period.parse(this.period), this.board,
						this.force);
				out.printf("Wrote %s: %d decision(s) requested by the pack of %s, run %d.%n", shown(written.file()),
						written.decisions(), this.period, written.runNumber());
				out.printf("Fill in each entry after the board's meeting, then record it with:%n"
						+ "  envelope-review decisions record %s%n", shown(written.file()));
				out.flush();
				return 0;
			}
			catch (IllegalArgumentException | UncheckedIOException ex) {
				this.spec.commandLine().getErr().println("decisions template: " + ex.getMessage());
				return 1;
			}
		}

	}

	/** {@code decisions record FILE}. */
	@Component
	@Command(name = "record", mixinStandardHelpOptions = true,
			description = "Validate a filled-in decisions file against the pack it answers, store it, and write the "
					+ "signed decision record decisions/<period>/<board>.pdf. The same file again changes nothing; "
					+ "a different file for the same board and period is refused.")
	static class Record implements Callable<Integer> {

		private final DecisionRecorder recorder;

		@Parameters(index = "0", paramLabel = "FILE", description = "the filled-in decisions file")
		Path file;

		@Spec
		CommandSpec spec;

		Record(DecisionRecorder recorder) {
			this.recorder = recorder;
		}

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			PrintWriter err = this.spec.commandLine().getErr();
			DecisionRecorder.Outcome outcome;
			try {
				outcome = this.recorder.record(this.file);
			}
			catch (UncheckedIOException ex) {
				err.println("decisions record: " + ex.getMessage());
				return 1;
			}
			outcome.problems().stream().map(EnvelopeProblem::toString).forEach(err::println);
			switch (outcome.status()) {
				case RECORDED, UNCHANGED -> {
					for (Decision decision : outcome.decisions()) {
						out.printf("  %-24s %-10s by %s on %s%s%n", decision.envelopeId(), decision.kind().label(),
								decision.decidedBy(), decision.decidedAt(),
								(decision.dueDate() != null) ? ", due " + decision.dueDate() : "");
					}
					out.println("decisions record: " + outcome.message());
					out.printf("Signed decision record: %s%nCheck it with:%n  envelope-review verify %s%n",
							shown(outcome.record()), shown(outcome.record()));
					out.flush();
					err.flush();
					return 0;
				}
				default -> {
					err.println("decisions record: " + outcome.message());
					err.flush();
					return 1;
				}
			}
		}

	}

	/** {@code decisions ledger [--board B]}. */
	@Component
	@Command(name = "ledger", mixinStandardHelpOptions = true,
			description = "Export every recorded decision across periods, with whether the latest review found it "
					+ "applied, as ledger.csv and ledger.json.")
	static class Ledger implements Callable<Integer> {

		private final DecisionLedger ledger;

		private final DecisionProperties properties;

		@Option(names = "--board", paramLabel = "ID", description = "only this board's decisions")
		String board;

		@Option(names = "--output", paramLabel = "DIR",
				description = "where ledger.csv and ledger.json go; default: the decisions directory")
		Path output;

		@Spec
		CommandSpec spec;

		Ledger(DecisionLedger ledger, DecisionProperties properties) {
			this.ledger = ledger;
			this.properties = properties;
		}

		@Override
		public Integer call() {
			Path directory = (this.output != null) ? this.output : this.properties.dir();
			try {
				int exported = this.ledger.export(this.board, directory);
				PrintWriter out = this.spec.commandLine().getOut();
				out.printf("decisions ledger: %d decision(s)%s written to %s and %s%n", exported,
						(this.board != null) ? " of board " + this.board : "", shown(directory.resolve("ledger.csv")),
						shown(directory.resolve("ledger.json")));
				out.flush();
				return 0;
			}
			catch (UncheckedIOException ex) {
				this.spec.commandLine().getErr().println("decisions ledger: " + ex.getMessage());
				return 1;
			}
		}

	}

	static String shown(Path path) {
		Path here = Path.of("").toAbsolutePath();
		Path absolute = path.toAbsolutePath().normalize();
		return (absolute.startsWith(here) ? here.relativize(absolute) : path).toString();
	}

}
