package org.envelopereview.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.support.IntegrationTest;
import org.envelopereview.support.TestOutput;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.ActionBuilder.action;

@IntegrationTest
class RunCommandTests {

	@Autowired
	EnvelopeReviewCommand command;

	@Autowired
	IFactory factory;

	@Autowired
	Jdbi jdbi;

	@Autowired
	ApplicationContext context;

	private Path output;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeEach
	void givenOneOutOfScopeAction() {
		this.output = TestOutput.emptied(this.context);
		ActionTable.clear(this.jdbi);
		ActionTable.insert(this.jdbi, List.of(action().id("a-1").cidr("0.0.0.0/0").build()));
	}

	private int run(String... args) {
		CommandLine commandLine = new CommandLine(this.command, this.factory);
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.err, true));
		return commandLine.execute(args);
	}

	@Test
	void shouldSummarizeACompletedRunAndExitZero() {
		int exitCode = run("run", "--period", "2026-Q3");
		assertThat(exitCode).isZero();
		assertThat(this.out.toString()).contains("Review of 2026-Q3: run 1", "COMPLETED", "Findings by board",
				"payments-cab", "network-security", "OOS-CIDR", "Written to",
				this.output.resolve("2026-Q3").resolve("payments-cab").toString());
	}

	@Test
	void shouldExplainAStrictRefusalAndExitOne() {
		int exitCode = run("run", "--period", "2026-Q3", "--strict");
		assertThat(exitCode).isEqualTo(1);
		assertThat(this.out.toString()).contains("REJECTED", "pa-broken-900.yaml", "a new run starts");
	}

	@Test
	void shouldExplainAFailedRunAndHowToRestartItAndExitOne() {
		this.jdbi.useHandle((handle) -> handle.execute(
				"ALTER TABLE review_finding ADD CONSTRAINT injected_fault CHECK (action_id IS NULL OR action_id <> 'a-1')"));
		int exitCode;
		try {
			exitCode = run("run", "--period", "2026-Q3");
		}
		finally {
			this.jdbi
				.useHandle((handle) -> handle.execute("ALTER TABLE review_finding DROP CONSTRAINT injected_fault"));
		}
		assertThat(exitCode).isEqualTo(1);
		assertThat(this.out.toString()).contains("FAILED", "evaluateActionsStep failed", "run the same command again");
	}

	@Test
	void shouldAcceptACustomWindow() {
		assertThat(run("run", "--from", "2026-07-01", "--to", "2026-08-01")).isZero();
		assertThat(this.out.toString()).contains("Review of 2026-07-01_2026-08-01: run 1");
	}

	@Test
	void shouldRejectAPeriodTogetherWithACustomWindow() {
		assertThat(run("run", "--period", "2026-Q3", "--from", "2026-07-01", "--to", "2026-10-01")).isEqualTo(2);
		assertThat(this.err.toString()).contains("either --period or --from/--to");
	}

	@Test
	void shouldRejectABoardThatDoesNotExist() {
		assertThat(run("run", "--period", "2026-Q3", "--board", "payments-cba")).isEqualTo(2);
		assertThat(this.err.toString()).contains("board 'payments-cba' is not defined in boards.yaml",
				"payments-cab, network-security");
	}

	@Test
	void shouldRejectAMalformedQuarter() {
		assertThat(run("run", "--period", "2026-Q5")).isEqualTo(2);
		assertThat(this.err.toString()).contains("not a quarter like 2026-Q3");
	}

}
