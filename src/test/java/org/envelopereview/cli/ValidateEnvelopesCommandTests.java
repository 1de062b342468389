package org.envelopereview.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

import org.envelopereview.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ValidateEnvelopesCommandTests {

	@Autowired
	EnvelopeReviewCommand command;

	@Autowired
	IFactory factory;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@Test
	void shouldPassTheBundledExamplesWithASummary() {
		// when
		int exitCode = run("envelopes", "validate", "envelopes");
		// then
		assertThat(exitCode).isZero();
		assertThat(this.out.toString().lines())
			.containsExactly("12 envelope files: 12 valid, 0 invalid; 3 boards; 0 problems");
	}

	@Test
	void shouldListEveryProblemWithFileLineAndFieldAndExitNonZero() {
		// when
		int exitCode = run("envelopes", "validate", "src/test/resources/envelopes-broken");
		// then
		assertThat(exitCode).isEqualTo(1);
		assertThat(this.out.toString().lines()).contains(
				"src/test/resources/envelopes-broken/cidr-33.yaml:19: actions[0].scope.cidrs[1]: '10.0.0.0/33' is not a CIDR",
				"src/test/resources/envelopes-broken/tier-5.yaml:7: tier: 5 is out of range: must be 1 to 4",
				"src/test/resources/envelopes-broken/missing-approver.yaml:8: approval.approver: is required")
			.last()
			.isEqualTo("14 envelope files: 1 valid, 13 invalid; 1 board; 22 problems");
	}

	@Test
	void shouldSayWhyWhenTheDirectoryDoesNotExist() {
		// when
		int exitCode = run("envelopes", "validate", "no-such-directory");
		// then
		assertThat(exitCode).isEqualTo(2);
		assertThat(this.err.toString())
			.contains("envelopes directory 'no-such-directory' does not exist or is not a directory");
	}

	private int run(String... args) {
		CommandLine commandLine = new CommandLine(this.command, this.factory);
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.err, true));
		return commandLine.execute(args);
	}

}
