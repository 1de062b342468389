package org.envelopereview.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.envelopereview.finding.Severity;
import org.envelopereview.pack.ReviewPacks;
import org.envelopereview.period.Period;
import org.envelopereview.review.ReviewLauncher;
import org.envelopereview.review.ReviewOutcome;
import org.envelopereview.review.run.ChainVerificationRequest;
import org.envelopereview.review.RunStatus;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/** {@code run}: reviews a period now and prints a short summary. */
@Component
@Scope("prototype") // picocli keeps option values in the instance: a fresh one per
					// command line
@Command(name = "run", mixinStandardHelpOptions = true, description = {
		"Reviews a period now: every finding per board, written to out/<period>/<board>/.",
		"Re-running a completed period makes a new numbered run; running a failed period again restarts it where it stopped." })
class RunCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--period", paramLabel = "YYYY-Qn", description = "the quarter to review, e.g. 2026-Q3")
	String period;

	@Option(names = "--from", paramLabel = "DATE",
			description = "start of a custom window (inclusive), e.g. 2026-07-01")
	LocalDate from;

	@Option(names = "--to", paramLabel = "DATE", description = "end of a custom window (exclusive), e.g. 2026-10-01")
	LocalDate to;

	@Option(names = "--board", paramLabel = "ID", description = "review only this board")
	String board;

	@Option(names = "--strict", description = "fail before writing anything if any envelope file is invalid")
	boolean strict;

	@Option(names = "--verify-chains", paramLabel = "auto|full", defaultValue = "auto",
			description = { "auto: verify each agent's hash chain from the checkpoint the last run verified, and every "
					+ "chain from seq 1 when review.chain.full-verification-every runs have passed (default 4) or no "
					+ "checkpoint exists; full: every chain from seq 1 now. Default: ${DEFAULT-VALUE}." })
	String verifyChains;

	private final ReviewLauncher launcher;

	RunCommand(ReviewLauncher launcher) {
		this.launcher = launcher;
	}

	@Override
	public Integer call() {
		Period reviewed = period();
		ChainVerificationRequest chains;
		try {
			chains = ChainVerificationRequest.of(this.verifyChains);
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		ReviewOutcome outcome;
		try {
			outcome = this.launcher.run(reviewed, this.board, this.strict, chains);
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		catch (IllegalStateException ex) {
			this.spec.commandLine().getErr().println("run: " + ex.getMessage());
			return 1;
		}
		PrintWriter out = this.spec.commandLine().getOut();
		out.print(summary(outcome));
		if (outcome.completed()) {
			out.print(ReviewPacks.summary(outcome.packs()));
		}
		out.flush();
		return outcome.completed() ? 0 : 1;
	}

	private Period period() {
		try {
			if (this.period != null && (this.from != null || this.to != null)) {
				throw new ParameterException(this.spec.commandLine(), "give either --period or --from/--to, not both");
			}
			if (this.period != null) {
				return Period.quarter(this.period);
			}
			if (this.from != null && this.to != null) {
				return Period.between(this.from, this.to);
			}
			throw new ParameterException(this.spec.commandLine(),
					"give --period (e.g. 2026-Q3) or both --from and --to (e.g. --from 2026-07-01 --to 2026-10-01)");
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.spec.commandLine(), ex.getMessage());
		}
	}

	static String summary(ReviewOutcome outcome) {
		StringBuilder text = new StringBuilder();
		text.append("Review of ")
			.append(outcome.period().label())
			.append(": run ")
			.append(outcome.runNumber())
			.append(" (id ")
			.append(outcome.runId())
			.append(outcome.restarted() ? ", restarted" : "")
			.append(") ")
			.append(outcome.status())
			.append(" in ")
			.append(seconds(outcome.elapsed()))
			.append('\n');
		if (outcome.status() == RunStatus.REJECTED) {
			text.append("  ").append(outcome.failure()).append('\n');
			text.append("Fix the envelope files above and run again: a new run starts.\n");
			return text.toString();
		}
		if (!outcome.completed()) {
			text.append("  ").append(outcome.failure()).append('\n');
			text.append("Fix the cause and run the same command again: it restarts run ")
				.append(outcome.runNumber())
				.append(" where it stopped, without duplicating findings.\n");
			outcome.notes().forEach((note) -> text.append("Note: ").append(note).append('\n'));
			return text.toString();
		}
		text.append(String.format("%nFindings by board%n  %-28s %8s %6s %6s %5s %6s%n", "board", "critical", "high",
				"medium", "low", "total"));
		outcome.countsByBoardAndSeverity().forEach((board, counts) -> {
			int total = counts.values().stream().mapToInt(Integer::intValue).sum();
			text.append(String.format("  %-28s %8d %6d %6d %5d %6d%n", board, counts.get(Severity.CRITICAL),
					counts.get(Severity.HIGH), counts.get(Severity.MEDIUM), counts.get(Severity.LOW), total));
		});
		if (!outcome.countsByCode().isEmpty()) {
			text.append(String.format("%nFindings by code%n"));
			for (Map.Entry<String, Integer> entry : outcome.countsByCode().entrySet()) {
				text.append(String.format("  %-24s %6d%n", entry.getKey(), entry.getValue()));
			}
		}
		text.append(String.format("%nWritten to%n"));
		outcome.outputDirs().forEach((board, dir) -> text.append("  ").append(dir).append('\n'));
		outcome.notes().forEach((note) -> text.append("Note: ").append(note).append('\n'));
		return text.toString();
	}

	private static String seconds(Duration elapsed) {
		return String.format("%.1f s", elapsed.toMillis() / 1000.0);
	}

}
