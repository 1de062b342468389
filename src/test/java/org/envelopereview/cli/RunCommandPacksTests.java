package org.envelopereview.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
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
import org.envelopereview.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.ActionBuilder.action;

/**
 * {@code run} ends by writing a signed pack per board and printing their paths and the
 * verify line.
 */
@IntegrationTest
class RunCommandPacksTests {

	static final Path OUTPUT;

	static {
		try {
			OUTPUT = Files.createTempDirectory("run-command-packs-tests-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path envelopes = new ClassPathResource("review/envelopes").getFile().toPath();
		registry.add("review.envelopes-dir", envelopes::toString);
		registry.add("review.output-dir", OUTPUT::toString);
		registry.add("review.data-dir", () -> OUTPUT.resolve("data").toString());
		registry.add("review.packs.enabled", () -> "true");
	}

	@Autowired
	EnvelopeReviewCommand command;

	@Autowired
	IFactory factory;

	@Autowired
	Jdbi jdbi;

	@Autowired
	PackVerifier verifier;

	@Test
	void shouldEndARunWithThePathsOfTheSignedPacksAndTheVerifyLine() {
		ActionTable.clear(this.jdbi);
		ActionTable.insert(this.jdbi, List.of(action().id("a-1").cidr("0.0.0.0/0").build()));
		StringWriter out = new StringWriter();
		CommandLine commandLine = new CommandLine(this.command, this.factory);
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(new StringWriter(), true));

		int exitCode = commandLine.execute("run", "--period", "2026-Q3", "--board", "payments-cab");

		assertThat(exitCode).isZero();
		Path pack = OUTPUT.resolve("2026-Q3").resolve("payments-cab").resolve("review-pack.pdf");
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
