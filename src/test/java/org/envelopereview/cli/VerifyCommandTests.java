package org.envelopereview.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.envelopereview.pack.PackVerifier;
import org.envelopereview.pack.ReviewPackWriter;
import org.envelopereview.support.PackIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verify command, wired by Spring, on a pack written by the Spring-wired pack writer.
 */
@PackIntegrationTest
class VerifyCommandTests {

	@Autowired
	private ReviewPackWriter writer;

	@Autowired
	private PackVerifier verifier;

	@TempDir
	static Path directory;

	private static Path pack;

	private final StringWriter out = new StringWriter();

	@Test
	void shouldExitZeroAndPrintOnePassingLinePerCheckForAGoodPack() throws Exception {
		int exitCode = run(pack().toString());

		assertThat(exitCode).isZero();
		assertThat(this.out.toString()).contains("PASS signature:")
			.contains("PASS coverage: the signature covers the whole file")
			.contains("PASS attachments:")
			.contains("INFO signer:")
			.contains("=> VERIFIED")
			.contains("verify: 1 of 1 pack(s) verified")
			.doesNotContain("FAIL");
	}

	@Test
	void shouldExitOneAndSayWhatFailedWhenAPackWasAltered() throws Exception {
		Path altered = directory.resolve("altered.pdf");
		Files.write(altered, Files.readAllBytes(pack()));
		Files.writeString(altered, "\n% appended after signing\n", java.nio.file.StandardOpenOption.APPEND);

		int exitCode = run(pack().toString(), altered.toString());

		assertThat(exitCode).isEqualTo(1);
		assertThat(this.out.toString()).contains("FAIL coverage:")
			.contains("bytes after the signed range")
			.contains("=> NOT VERIFIED")
			.contains("verify: 1 of 2 pack(s) verified; 1 FAILED");
	}

	@Test
	void shouldExitOneWhenTheTrustStoreCannotBeRead() throws Exception {
		Path bogus = Files.writeString(directory.resolve("bogus.p12"), "not a keystore");

		int exitCode = run("--trust-store", bogus.toString(), pack().toString());

		assertThat(exitCode).isEqualTo(1);
	}

	private Path pack() throws Exception {
		if (pack == null) {
			var review = org.envelopereview.pack.PackTestSupport.review(directory.resolve("out"));
			pack = this.writer.write(review);
		}
		return pack;
	}

	private int run(String... args) {
		CommandLine commandLine = new CommandLine(new VerifyCommand(this.verifier));
		commandLine.setOut(new PrintWriter(this.out));
		commandLine.setErr(new PrintWriter(this.out));
		return commandLine.execute(args);
	}

}
