package org.envelopereview.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

import org.envelopereview.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line read before Spring starts: help, version and bad usage answered
 * exactly as the Spring-wired commands answer them, and every other command sent to the
 * context it needs.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CommandLineTriageTests {

	@Autowired
	EnvelopeReviewCommand command;

	@Autowired
	IFactory factory;

	@Test
	void shouldPrintTheHelpOfEveryCommandAsTheWiredCommandsDo(CapturedOutput output) {
		List<List<String>> paths = commandPaths(new CommandLine(this.command, this.factory), new ArrayList<>());
		assertThat(paths).hasSize(18).contains(List.of("retimestamp"), List.of("worker"));
		for (List<String> path : paths) {
			for (String help : List.of("--help", "-h")) {
				String[] args = Stream.concat(path.stream(), Stream.of(help)).toArray(String[]::new);
				assertAnsweredAsWired(output, args);
			}
		}
	}

	@Test
	void shouldPrintTheVersionAsTheWiredCommandsDo(CapturedOutput output) {
		assertAnsweredAsWired(output, "--version");
		assertAnsweredAsWired(output, "-V");
		assertAnsweredAsWired(output, "envelopes", "validate", "--version");
		assertThat(output.getOut()).startsWith("envelope-review ");
	}

	@Test
	void shouldAnswerBadUsageWithTheWiredCommandsMessageUsageAndExitCode(CapturedOutput output) {
		assertAnsweredAsWired(output);
		assertAnsweredAsWired(output, "envelopes");
		assertAnsweredAsWired(output, "bogus");
		assertAnsweredAsWired(output, "verify");
		assertAnsweredAsWired(output, "run", "--bogus");
		assertAnsweredAsWired(output, "ingest", "--format", "xml", "file.jsonl");
		assertAnsweredAsWired(output, "generate-envelopes");
		assertAnsweredAsWired(output, "status", "--runs", "many");
		assertThat(output.getErr()).contains("Missing required subcommand")
			.contains("Missing required parameter: 'PACK.pdf'")
			.contains("Unknown option: '--bogus'");
	}

	@Test
	void shouldRunValidateVerifyRetimestampAndTheGeneratorsWithoutTheDatabase() {
		assertThat(Stream
			.of(new String[] { "envelopes", "validate" }, new String[] { "envelopes", "validate", "dir" },
					new String[] { "verify", "pack.pdf", "--trust-store", "trust.pem" },
					new String[] { "retimestamp", "pack.pdf" }, new String[] { "generate-history", "--actions", "10" },
					new String[] { "generate-envelopes", "--out", "dir" },
					new String[] { "--spring.datasource.url=jdbc:h2:mem:x", "envelopes", "validate" })
			.map(CommandLineTriage::of)).allSatisfy((triage) -> {
				assertThat(triage.answered()).isFalse();
				assertThat(triage.needsDatabase()).isFalse();
			});
	}

	@Test
	void shouldRunTheOtherCommandsWithTheDatabase() {
		assertThat(Stream
			.of(new String[] { "ingest", "history.jsonl" }, new String[] { "run", "--period", "2026-Q3" },
					new String[] { "demo" }, new String[] { "status" }, new String[] { "schedule" },
					new String[] { "--review.data-dir=x", "status", "--runs", "3" })
			.map(CommandLineTriage::of)).allSatisfy((triage) -> {
				assertThat(triage.answered()).isFalse();
				assertThat(triage.needsDatabase()).isTrue();
			});
	}

	private void assertAnsweredAsWired(CapturedOutput output, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine wired = new CommandLine(this.command, this.factory);
		wired.setOut(new PrintWriter(out, true));
		wired.setErr(new PrintWriter(err, true));
		int wiredExitCode = wired.execute(args);
		int outBefore = output.getOut().length();
		int errBefore = output.getErr().length();

		CommandLineTriage triage = CommandLineTriage.of(args);

		assertThat(triage.answered()).as(String.join(" ", args)).isTrue();
		assertThat(triage.exitCode()).as(String.join(" ", args)).isEqualTo(wiredExitCode);
		assertThat(output.getOut().substring(outBefore)).as(String.join(" ", args)).isEqualTo(out.toString());
		assertThat(output.getErr().substring(errBefore)).as(String.join(" ", args)).isEqualTo(err.toString());
	}

	private static List<List<String>> commandPaths(CommandLine commandLine, List<String> path) {
		List<List<String>> paths = new ArrayList<>();
		paths.add(path);
		commandLine.getSubcommands().forEach((name, subcommand) -> {
			List<String> longer = new ArrayList<>(path);
			longer.add(name);
			paths.addAll(commandPaths(subcommand, longer));
		});
		return paths;
	}

}
