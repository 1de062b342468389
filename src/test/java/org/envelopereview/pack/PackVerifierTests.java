package org.envelopereview.pack;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.envelopereview.signing.VerificationCheck;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * verify accepts the pack as written and rejects every kind of tampering with a reason.
 */
class PackVerifierTests {

	private final PackVerifier verifier = new PackVerifier();

	@Test
	void shouldPassThePackAsWritten() {
		PackVerification verification = this.verifier.verify(ExamplePacks.developmentPack(), null);

		assertThat(verification.failures()).isEmpty();
		assertThat(verification.passed()).isTrue();
		assertThat(verification.checks()).extracting(VerificationCheck::name)
			.contains("signature", "coverage", "cms", "pades", "manifest", "attachments", "manifest-signer");
		assertThat(verification.signerFingerprint()).hasSize(64);
	}

	@Test
	void shouldRejectAPackWithOneFlippedByte(@TempDir Path directory) throws Exception {
		Path pack = ExamplePacks.copy(directory);
		byte[] bytes = Files.readAllBytes(pack);
		int position = indexOf(bytes, "stream", bytes.length / 3) + 40;
		bytes[position] ^= 0x01;
		Files.write(pack, bytes);

		PackVerification verification = this.verifier.verify(pack, null);

		assertThat(verification.passed()).isFalse();
		assertThat(failure(verification, "cms")).contains("does not match the signed message digest");
	}

	@Test
	void shouldRejectAPackWithAnIncrementalUpdateAppendedAfterSigning(@TempDir Path directory) throws Exception {
		Path pack = ExamplePacks.copy(directory);
		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			document.getDocumentInformation().setTitle("Nothing to see here");
			document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
			document.getDocument().getTrailer().setNeedToBeUpdated(true);
			try (OutputStream out = Files.newOutputStream(directory.resolve("updated.pdf"))) {
				document.saveIncremental(out);
			}
		}

		PackVerification verification = this.verifier.verify(directory.resolve("updated.pdf"), null);

		assertThat(verification.passed()).isFalse();
		assertThat(failure(verification, "coverage")).contains("bytes after the signed range")
			.contains("incremental update");
	}

	@Test
	void shouldRejectAPackWhoseAttachmentWasSwappedInAnIncrementalUpdate(@TempDir Path directory) throws Exception {
		Path pack = ExamplePacks.copy(directory);
		Path swapped = directory.resolve("swapped.pdf");
		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			swapFindingsCsv(document);
			try (OutputStream out = Files.newOutputStream(swapped)) {
				document.saveIncremental(out);
			}
		}

		PackVerification verification = this.verifier.verify(swapped, null);

		assertThat(verification.passed()).isFalse();
		assertThat(failure(verification, "coverage")).contains("bytes after the signed range");
		assertThat(failure(verification, "attachments")).contains("findings.csv has SHA-256")
			.contains("but the manifest says");
	}

	@Test
	void shouldRejectAPackWhoseAttachmentWasSwappedAndTheFileRewritten(@TempDir Path directory) throws Exception {
		Path pack = ExamplePacks.copy(directory);
		Path rewritten = directory.resolve("rewritten.pdf");
		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			swapFindingsCsv(document);
			document.save(rewritten.toFile());
		}

		PackVerification verification = this.verifier.verify(rewritten, null);

		assertThat(verification.passed()).isFalse();
		assertThat(failure(verification, "attachments")).contains("findings.csv");
		assertThat(verification.failures()).extracting(VerificationCheck::name).containsAnyOf("coverage", "cms");
	}

	@Test
	void shouldRejectAFileThatIsNotSigned(@TempDir Path directory) throws Exception {
		Path unsigned = directory.resolve("unsigned.pdf");
		try (PDDocument document = new PDDocument()) {
			document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
			document.save(unsigned.toFile());
		}

		PackVerification verification = this.verifier.verify(unsigned, null);

		assertThat(failure(verification, "signature")).contains("not signed");
		assertThat(failure(verification, "manifest")).contains("no embedded manifest.json");
	}

	@Test
	void shouldRejectAFileThatIsNotAPdf(@TempDir Path directory) throws Exception {
		Path text = Files.writeString(directory.resolve("review-pack.pdf"), "not a pdf");

		PackVerification verification = this.verifier.verify(text, null);

		assertThat(failure(verification, "file")).contains("is not a readable PDF");
	}

	@Test
	void shouldTrustASignerWhoseCertificateIsInThePemTrustStore(@TempDir Path directory) throws Exception {
		Path pack = ExamplePacks.developmentPack();
		X509Certificate signer = PackValidatorsTests.signerOf(pack);
		Path trustStore = Files.writeString(directory.resolve("trusted.pem"), pem(signer));

		PackVerification verification = this.verifier.verify(pack,
				org.envelopereview.signing.PadesVerifier.readTrustStore(trustStore, null));

		assertThat(verification.checks())
			.contains(VerificationCheck.pass("trust", "the signer's certificate is in the trust store"));
		assertThat(verification.passed()).isTrue();
	}

	@Test
	void shouldTrustASignerWhoseCertificateIsInAPkcs12TrustStore(@TempDir Path directory) throws Exception {
		Path pack = ExamplePacks.developmentPack();
		java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setCertificateEntry("pack-signer", PackValidatorsTests.signerOf(pack));
		Path trustStore = directory.resolve("trusted.p12");
		try (OutputStream out = Files.newOutputStream(trustStore)) {
			store.store(out, "changeit".toCharArray());
		}

		PackVerification verification = this.verifier.verify(pack,
				org.envelopereview.signing.PadesVerifier.readTrustStore(trustStore, "changeit".toCharArray()));

		assertThat(verification.passed()).isTrue();
		assertThat(verification.checks()).extracting(VerificationCheck::toString)
			.contains("PASS trust: the signer's certificate is in the trust store");
	}

	@Test
	void shouldNotTrustASignerMissingFromTheTrustStore(@TempDir Path directory) throws Exception {
		Path other = TestKeystores.productionKeystore(directory);
		java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
		try (var in = Files.newInputStream(other)) {
			store.load(in, TestKeystores.PASSWORD.toCharArray());
		}
		Path trustStore = Files.writeString(directory.resolve("other.pem"),
				pem((X509Certificate) store.getCertificate("signer")));

		PackVerification verification = this.verifier.verify(ExamplePacks.developmentPack(),
				org.envelopereview.signing.PadesVerifier.readTrustStore(trustStore, null));

		assertThat(verification.passed()).isFalse();
		assertThat(failure(verification, "trust")).contains("neither in the trust store nor issued by");
	}

	private static void swapFindingsCsv(PDDocument document) throws Exception {
		PDComplexFileSpecification specification = document.getDocumentCatalog()
			.getNames()
			.getEmbeddedFiles()
			.getNames()
			.get("findings.csv");
		PDEmbeddedFile forged = new PDEmbeddedFile(document,
				new ByteArrayInputStream("code,severity\nENV-DORMANT,low\n".getBytes(StandardCharsets.UTF_8)));
		forged.setSubtype("text/csv");
		specification.setEmbeddedFile(forged);
		specification.setEmbeddedFileUnicode(forged);
		specification.getCOSObject().setNeedToBeUpdated(true);
		specification.getCOSObject().getCOSDictionary(COSName.EF).setNeedToBeUpdated(true);
	}

	private static String failure(PackVerification verification, String name) {
		List<VerificationCheck> failures = verification.failures()
			.stream()
			.filter((check) -> check.name().equals(name))
			.toList();
		assertThat(failures).as("a failed " + name + " check in " + verification.checks()).isNotEmpty();
		return failures.get(0).detail();
	}

	private static int indexOf(byte[] bytes, String marker, int from) {
		byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
		outer: for (int i = from; i < bytes.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (bytes[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalStateException(marker + " not found");
	}

	private static String pem(X509Certificate certificate) throws Exception {
		return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
	}

}
