package org.envelopereview.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

import org.envelopereview.pack.PackVerifier;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.support.PackIntegrationTest;
import org.envelopereview.support.TestOutput;
import org.envelopereview.system.Sha256;

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

	@TempDir
	Path directory;

	/**
	 * Over real CloudTrail captures (src/test/resources/realdata, SOURCES.md): the later
	 * file is withdrawn; the next pack of every board shows the withdrawal, the earlier
	 * file's write events not reviewed, and the earlier file in its manifest; and it
	 * verifies.
	 */
	@Test
	void shouldShowAWithdrawalTheWritesNotReviewedAndTheTrailFilesInTheNextPackOfEveryBoard() throws Exception {
		Path output = TestOutput.emptied(this.context);
		ActionTable.clear(this.jdbi);
		this.jdbi.useHandle((handle) -> handle.execute("DELETE FROM ingest_source"));
		Path earlier = realdata("218007301253_CloudTrail_us-east-1_20230710T1215Z_YMDRJwtmC82bUwAo.json");
		Path later = realdata("218007301253_CloudTrail_us-east-1_20230710T1215Z_P0WZuP2zvLW2RcUo.json");
		assertThat(execute("ingest", earlier.toString(), later.toString())).isZero();
		assertThat(execute("ingest", "withdraw", later.toString(), "--reason", "another account's trail (OPS-4471)"))
			.isZero();

		assertThat(execute("run", "--period", "2023-Q3")).isZero();

		String sha256 = Sha256.hex(Files.readAllBytes(earlier));
		for (String board : List.of("payments-cab", "network-security")) {
			Path pack = output.resolve("2023-Q3").resolve(board).resolve("review-pack.pdf");
			Files.copy(pack, Path.of("target").resolve("withdrawal-" + board + ".pdf"),
					StandardCopyOption.REPLACE_EXISTING);
			assertThat(this.verifier.verify(pack, null).passed()).as(board).isTrue();
			String text;
			try (PDDocument document = Loader.loadPDF(pack.toFile())) {
				text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			}
			assertThat(text).as(board)
				.contains("Withdrawn sources")
				.contains("another account's trail")
				.contains("Write events not reviewed")
				.containsPattern("CreateVpc 2 2023-07-10 2023-07-10")
				.contains("Audit-trail source files of the period")
				.contains(sha256);
			String manifest = Files.readString(pack.resolveSibling("manifest.json"));
			assertThat(manifest).contains("\"sha256\" : \"" + sha256 + "\"").contains(earlier.toString());
		}
	}

	private int execute(String... args) {
		CommandLine commandLine = new CommandLine(this.command, this.factory);
		commandLine.setOut(new PrintWriter(new StringWriter(), true));
		commandLine.setErr(new PrintWriter(new StringWriter(), true));
		return commandLine.execute(args);
	}

	private Path realdata(String name) throws java.io.IOException {
		Path file = this.directory.resolve(name);
		try (InputStream input = RunCommandPacksTests.class.getResourceAsStream("/realdata/" + name)) {
			Files.copy(input, file);
		}
		return file;
	}

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
