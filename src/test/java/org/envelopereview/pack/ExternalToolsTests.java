package org.envelopereview.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example pack checked by poppler's pdfsig and by qpdf (Debian poppler-utils, qpdf).
 * Skipped with a message where the tools are not installed, failed on CI (like the
 * PostgreSQL tests).
 */
class ExternalToolsTests {

	@Test
	void shouldBeReportedValidAndUnmodifiedByPdfsig() throws Exception {
		// pdfsig exits 0 even when the digest does not match: read its lines
		String output = run("pdfsig", ExamplePacks.developmentPack().toString());

		assertThat(output).contains("Signature Type: ETSI.CAdES.detached")
			.contains("Total document signed")
			.contains("Signature Validation: Signature is Valid.");
	}

	@Test
	void shouldBeReportedAlteredByPdfsigAfterAByteFlip(@TempDir Path directory) throws Exception {
		Path pack = ExamplePacks.copy(directory);
		byte[] bytes = Files.readAllBytes(pack);
		bytes[bytes.length / 2] ^= 0x01;
		Files.write(pack, bytes);

		String output = run("pdfsig", pack.toString());

		assertThat(output).doesNotContain("Signature Validation: Signature is Valid.");
	}

	@Test
	void shouldHaveNoErrorsForQpdfCheck() throws Exception {
		String output = run("qpdf", "--check", ExamplePacks.developmentPack().toString());

		assertThat(output).contains("No syntax or stream encoding errors found").doesNotContainIgnoringCase("error:");
	}

	@Test
	void shouldReportTheSignatureOfAnLtaPackValidAndItsDocumentTimeStampOverTheWholeFile(@TempDir Path directory)
			throws Exception {
		Path pack = LongTermPacks.copy(directory);
		LongTermPacks.signer().retimestamp(pack);

		// poppler cannot check ETSI.RFC3161 document time-stamps ("Unimplemented
		// Feature"): it checks the signature, and shows the time-stamps' ranges
		String output = run("pdfsig", pack.toString());

		String[] signatures = output.split("Signature #");
		assertThat(signatures).hasSize(4);
		assertThat(signatures[1]).contains("Signature Type: ETSI.CAdES.detached")
			.contains("Signature Validation: Signature is Valid.");
		assertThat(signatures[2]).contains("Signer Certificate Common Name: Envelope Review DEVELOPMENT TSA");
		assertThat(signatures[3]).contains("Total document signed");
		assertThat(output).doesNotContain("Digest Mismatch").doesNotContain("Signature is Invalid");
	}

	@Test
	void shouldHaveNoErrorsForQpdfCheckOnAnLtaPackAfterRetimestamp(@TempDir Path directory) throws Exception {
		Path pack = LongTermPacks.copy(directory);
		LongTermPacks.signer().retimestamp(pack);

		String output = run("qpdf", "--check", pack.toString());

		assertThat(output).contains("No syntax or stream encoding errors found")
			.doesNotContainIgnoringCase("error:")
			.doesNotContainIgnoringCase("warning");
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Assumptions.assumeTrue(onPath(command[0]),
				command[0] + " is not installed (apt-get install poppler-utils qpdf)");
		Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return output;
	}

	private static boolean onPath(String tool) {
		for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			if (Files.isExecutable(Path.of(directory, tool))) {
				return true;
			}
		}
		return false;
	}

}
