package org.envelopereview.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

import org.envelopereview.pack.PackVerifier;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.support.PackIntegrationTest;
import org.envelopereview.support.TestOutput;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.ActionBuilder.action;

/**
 * {@code run} ends by writing a signed pack per board and printing their paths and the
 * verify line.
 */
@PackIntegrationTest
class RunCommandPacksTests {

	@Autowired
	EnvelopeReviewCommand command;

	@Autowired
	IFactory factory;

	@Autowired
	Jdbi jdbi;

	@Autowired
	PackVerifier verifier;

	@Autowired
	ApplicationContext context;

	@Test
	void shouldEndARunWithThePathsOfTheSignedPacksAndTheVerifyLine() {
		Path output = TestOutput.emptied(this.context);
		ActionTable.clear(this.jdbi);
		ActionTable.insert(this.jdbi, List.of(action().id("a-1").cidr("0.0.0.0/0").build()));
		StringWriter out = new StringWriter();
		CommandLine commandLine = new CommandLine(this.command, this.factory);
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(new StringWriter(), true));

		int exitCode = commandLine.execute("run", "--period", "2026-Q3", "--board", "payments-cab");

		assertThat(exitCode).isZero();
		// packs under the working directory are printed relative to it
		Path pack = Path.of("")
			.toAbsolutePath()
			.relativize(output.resolve("2026-Q3").resolve("payments-cab").resolve("review-pack.pdf"));
		assertThat(out.toString()).contains("Signed review packs", "  " + pack)
			.contains("envelope-review verify " + pack);
		Matcher verifyLine = Pattern.compile("(?m)^  envelope-review verify (.+)$").matcher(out.toString());
		assertThat(verifyLine.find()).isTrue();
		for (String path : verifyLine.group(1).split(" ")) {
			assertThat(this.verifier.verify(Path.of(path), null).passed()).as(path).isTrue();
		}
		assertThat(out.toString().strip()).endsWith("envelope-review verify " + pack);
	}

}
