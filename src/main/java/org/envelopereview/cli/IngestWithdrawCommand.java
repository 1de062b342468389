package org.envelopereview.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.envelopereview.action.ingest.SourceWithdrawals;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/** {@code ingest withdraw}: takes a wrongly ingested source out of review. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "withdraw", mixinStandardHelpOptions = true, description = {
		"Withdraw a wrongly ingested source from review: its actions, quarantined records and write events not reviewed are no longer reviewed.",
		"The withdrawal is recorded (file, SHA-256, when, by whom, why, what it removed) and shown in the next pack of every board; "
				+ "the actions are kept as evidence outside the review. Re-ingesting a corrected file afterwards works as a first ingest.",
		"Refused when later records of other sources chain onto the source's actions: withdraw those first, newest first." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:withdrawn",
				"2:unknown source, already withdrawn, refused (later records chain onto it), or bad usage" })
class IngestWithdrawCommand implements Callable<Integer> {

	private final SourceWithdrawals withdrawals;

	@Spec
	CommandSpec spec;

	@Option(names = "--reason", required = true, paramLabel = "TEXT",
			description = "Why the source is withdrawn; shown in the packs.")
	String reason;

	@Parameters(paramLabel = "PATH|SHA256", arity = "1",
			description = "The source as it was ingested (its path), or its SHA-256 as the ingest summary and the packs' manifest list it.")
	String source;

	IngestWithdrawCommand(SourceWithdrawals withdrawals) {
		this.withdrawals = withdrawals;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		SourceWithdrawals.Withdrawn withdrawn;
		try {
			withdrawn = this.withdrawals.withdraw(this.source, this.reason, System.getProperty("user.name", "unknown"));
		}
		catch (SourceWithdrawals.WithdrawalRefused | IllegalStateException ex) {
			err.println("ingest withdraw: " + ex.getMessage());
			return IngestCommand.EXIT_UNREADABLE;
		}
		out.printf("Withdrew %s (SHA-256 %s) as withdrawal %d, by %s at %s.%n", withdrawn.sourceName(),
				withdrawn.sha256(), withdrawn.id(), withdrawn.withdrawnBy(), withdrawn.withdrawnAt());
		out.printf(
				"No longer reviewed: %d actions (kept as evidence), %d quarantined records, "
						+ "%d write events not reviewed.%n",
				withdrawn.actions(), withdrawn.quarantined(), withdrawn.notReviewed());
		out.println("The next review of every board shows the withdrawal in its pack.");
		out.flush();
		return 0;
	}

}
