package org.envelopereview.decision;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

import org.envelopereview.support.H2IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's workflow on the command line: template, fill in, record, record again,
 * ledger, each ending with a line a person can act on.
 */
@TestPropertySource(properties = "review.envelopes-dir=target/test-decisions-envelopes")
class DecisionsCommandTests extends H2IntegrationTest {

	@Autowired
	@Qualifier("envelopeReviewCommand")
	Object command;

	@Autowired
	IFactory factory;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeEach
	void reviewedQ2() {
		new DecisionWorld(this).reset().reviewQ2();
	}

	private int run(String... args) {
		this.out.getBuffer().setLength(0);
		this.err.getBuffer().setLength(0);
		CommandLine commandLine = new CommandLine(this.command, this.factory);
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.err, true));
		return commandLine.execute(args);
	}

	@Test
	void shouldTakeABoardFromTemplateToRecordAndLedger() throws Exception {
		assertThat(run("decisions", "template", "--period", "2026-Q2", "--board", "payments-cab")).isZero();
		assertThat(this.out.toString()).contains("decision(s) requested by the pack of 2026-Q2, run 1",
				"envelope-review decisions record ");
		Path template = new DecisionWorld(this).decisionsDir().resolve("2026-Q2").resolve("payments-cab.yaml");
		Files.writeString(template,
				Files.readString(template)
					.replace("    decision:\n", "    decision: defer\n")
					.replace("    decidedBy:\n", "    decidedBy: jmin@example.com\n")
					.replace("    decidedAt:\n", "    decidedAt: 2026-07-10\n")
					.replace("    justification:\n", "    justification: waiting for the Q3 traffic figures\n"));

		assertThat(run("decisions", "record", template.toString())).isZero();
		assertThat(this.out.toString()).contains("PA-STALE-001", "defer", "by jmin@example.com on 2026-07-10",
				"decisions record: recorded 3 decision(s) of board payments-cab on 2026-Q2", "Signed decision record: ",
				"envelope-review verify ");
		assertThat(run("decisions", "record", template.toString())).isZero();
		assertThat(this.out.toString()).contains("already recorded on", "identical file; nothing changed");

		assertThat(run("decisions", "ledger", "--board", "payments-cab")).isZero();
		assertThat(this.out.toString()).contains("decisions ledger: 3 decision(s) of board payments-cab written to ");
	}

	@Test
	void shouldPrintEveryProblemAndFailWhenTheFileIsInvalid() throws Exception {
		assertThat(run("decisions", "template", "--period", "2026-Q2", "--board", "payments-cab")).isZero();
		Path template = new DecisionWorld(this).decisionsDir().resolve("2026-Q2").resolve("payments-cab.yaml");

		assertThat(run("decisions", "record", template.toString())).isEqualTo(1);

		assertThat(this.err.toString()).contains(template + ":", "decisions[0].decision: is required: re-approve",
				"nothing was recorded");
		assertThat(this.out.toString()).isEmpty();
	}

	@Test
	void shouldSayWhenThereIsNoReviewToAnswer() {
		assertThat(run("decisions", "template", "--period", "2026-Q1", "--board", "payments-cab")).isEqualTo(1);
		assertThat(this.err.toString())
			.contains("no completed review of 2026-Q1 covers board payments-cab: run `envelope-review run --period "
					+ "2026-Q1` first");
	}

}
