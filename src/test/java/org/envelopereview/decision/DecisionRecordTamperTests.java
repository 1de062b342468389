package org.envelopereview.decision;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.envelopereview.pack.PackVerification;
import org.envelopereview.pack.PackVerifier;
import org.envelopereview.review.ReviewOutcome;
import org.envelopereview.signing.VerificationCheck;
import org.envelopereview.support.H2IntegrationTest;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify} accepts a signed decision record and rejects one that was tampered with:
 * one byte flipped, or the attached decisions file swapped.
 */
@TestPropertySource(properties = "review.envelopes-dir=target/test-decisions-envelopes")
class DecisionRecordTamperTests extends H2IntegrationTest {

	private Path record;

	@BeforeEach
	void recorded() {
		DecisionWorld world = new DecisionWorld(this).reset();
		ReviewOutcome q2 = world.reviewQ2();
		this.record = world.record(world.writeDecisions("answers.yaml", world.q2Decisions(q2.runNumber()))).record();
	}

	private PackVerification verify(Path file) {
		return bean(PackVerifier.class).verify(file, null);
	}

	@Test
	void shouldVerifyTheRecordAsWritten() {
		PackVerification verification = verify(this.record);
		assertThat(verification.passed()).as("%s", verification.checks()).isTrue();
		assertThat(verification.checks()).extracting(VerificationCheck::name)
			.contains("coverage", "cms", "manifest", "attachments", "manifest-signer");
		assertThat(verification.checks()).filteredOn((check) -> check.name().equals("manifest"))
			.singleElement()
			.satisfies((check) -> assertThat(check.detail()).contains("board payments-cab, period 2026-Q2"));
	}

	@Test
	void shouldRejectARecordWithOneFlippedByte() throws Exception {
		Path tampered = directory().resolve("flipped.pdf");
		byte[] bytes = Files.readAllBytes(this.record);
		bytes[bytes.length / 3] ^= 0x01;
		Files.write(tampered, bytes);

		PackVerification verification = verify(tampered);

		assertThat(verification.passed()).isFalse();
		assertThat(verification.failures()).isNotEmpty();
	}

	@Test
	void shouldRejectARecordWhoseDecisionsFileWasSwappedInAnIncrementalUpdate() throws Exception {
		Path tampered = directory().resolve("swapped.pdf");
		try (PDDocument document = Loader.loadPDF(this.record.toFile())) {
			swapDecisions(document);
			try (OutputStream out = Files.newOutputStream(tampered)) {
				document.saveIncremental(out);
			}
		}

		PackVerification verification = verify(tampered);

		assertThat(verification.passed()).isFalse();
		assertThat(failure(verification, "coverage")).contains("bytes after the signed range");
		assertThat(failure(verification, "attachments")).contains("payments-cab.yaml has SHA-256");
	}

	@Test
	void shouldRejectARecordWhoseDecisionsFileWasSwappedAndTheFileRewritten() throws Exception {
		Path tampered = directory().resolve("rewritten.pdf");
		try (PDDocument document = Loader.loadPDF(this.record.toFile())) {
			swapDecisions(document);
			document.save(tampered.toFile());
		}

		PackVerification verification = verify(tampered);

		assertThat(verification.passed()).isFalse();
		assertThat(failure(verification, "attachments")).contains("payments-cab.yaml");
	}

	/** Puts "retire" where the board wrote "re-approve". */
	private static void swapDecisions(PDDocument document) throws Exception {
		PDComplexFileSpecification specification = document.getDocumentCatalog()
			.getNames()
			.getEmbeddedFiles()
			.getNames()
			.get("payments-cab.yaml");
		String original = new String(specification.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
		PDEmbeddedFile forged = new PDEmbeddedFile(document,
				new ByteArrayInputStream(original.replace("re-approve", "retire").getBytes(StandardCharsets.UTF_8)));
		forged.setSubtype("application/yaml");
		specification.setEmbeddedFile(forged);
		specification.setEmbeddedFileUnicode(forged);
		specification.getCOSObject().setNeedToBeUpdated(true);
		specification.getCOSObject().getCOSDictionary(COSName.EF).setNeedToBeUpdated(true);
	}

	private static String failure(PackVerification verification, String name) {
		return verification.failures()
			.stream()
			.filter((check) -> check.name().equals(name))
			.findFirst()
			.map(VerificationCheck::detail)
			.orElseThrow(() -> new AssertionError("no failed " + name + " check in " + verification.checks()));
	}

}
