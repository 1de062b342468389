package org.envelopereview.pack;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

import org.envelopereview.signing.VerificationCheck;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Packs signed at PAdES-B-LTA, against EU DSS (offline, only the throwaway root trusted),
 * veraPDF and verify, before and after retimestamp, and tampered with.
 */
class LongTermPackTests {

	private final PackVerifier verifier = new PackVerifier();

	@Test
	void shouldBeAPassingPadesBaselineLtaSignatureForTheEuDssValidator() {
		assertLta(LongTermPacks.validate(LongTermPacks.pack()), 1);
	}

	@Test
	void shouldStayAPassingPadesBaselineLtaSignatureAfterRetimestamp(@TempDir Path directory) throws Exception {
		Path pack = LongTermPacks.copy(directory);
		byte[] before = Files.readAllBytes(pack);

		LongTermPacks.signer().retimestamp(pack);

		byte[] after = Files.readAllBytes(pack);
		assertThat(Arrays.copyOf(after, before.length)).as("the pack as it was, then the updates").isEqualTo(before);
		assertLta(LongTermPacks.validate(pack), 2);
		PackVerification verification = this.verifier.verify(pack, null);
		assertThat(verification.failures()).isEmpty();
		assertThat(details(verification, "document-timestamp")).hasSize(2)
			.anySatisfy((detail) -> assertThat(detail).startsWith("document time-stamp 2 of 2"));
		assertThat(veraPdf(pack).isCompliant()).isTrue();
	}

	@Test
	void shouldBePdfA3bCompliantForVeraPdf() throws Exception {
		ValidationResult result = veraPdf(LongTermPacks.pack());

		assertThat(result.getTestAssertions()
			.stream()
			.filter((assertion) -> assertion.getStatus() == org.verapdf.pdfa.results.TestAssertion.Status.FAILED)
			.map((assertion) -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + " "
					+ assertion.getMessage())
			.distinct()).isEmpty();
		assertThat(result.isCompliant()).isTrue();
		assertThat(result.getPDFAFlavour()).isEqualTo(PDFAFlavour.PDFA_3_B);
	}

	@Test
	void shouldBeVerifiedAsBltaWithTheValidityWindowOfItsLastTimeStamp() {
		PackVerification verification = this.verifier.verify(LongTermPacks.pack(), null);

		assertThat(verification.failures()).isEmpty();
		assertThat(details(verification, "level")).anySatisfy((detail) -> assertThat(detail).startsWith("PAdES-B-LTA"))
			.anySatisfy((detail) -> assertThat(detail).contains("at least the PAdES-B-LTA the manifest records"));
		assertThat(details(verification, "validity")).singleElement()
			.satisfies((detail) -> assertThat(detail).contains("last document time-stamp")
				.contains(LongTermPacks.pki().tsaCertificate().getNotAfter().toInstant().toString())
				.contains("retimestamp"));
		assertThat(details(verification, "dss")).singleElement()
			.satisfies((detail) -> assertThat(detail).contains("OCSP responses"));
		assertThat(details(verification, "updates")).singleElement()
			.satisfies((detail) -> assertThat(detail).contains("only validation data"));
	}

	@Test
	void shouldReportAPackWithoutTimeStampsAsBbAndNotAsLta() {
		PackVerification verification = this.verifier.verify(ExamplePacks.developmentPack(), null);

		assertThat(verification.failures()).isEmpty();
		assertThat(details(verification, "level")).anySatisfy((detail) -> assertThat(detail).startsWith("PAdES-B-B"));
		assertThat(verification.checks()).extracting(VerificationCheck::name).doesNotContain("dss", "validity");
	}

	@Test
	void shouldRejectAnLtaPackTruncatedToItsSignature(@TempDir Path directory) throws Exception {
		Path pack = LongTermPacks.copy(directory);
		byte[] bytes = Files.readAllBytes(pack);
		try (PDDocument document = Loader.loadPDF(bytes)) {
			int[] range = firstSignature(document).getByteRange();
			Files.write(pack, Arrays.copyOf(bytes, range[2] + range[3]));
		}

		PackVerification verification = this.verifier.verify(pack, null);

		assertThat(verification.passed()).isFalse();
		assertThat(failure(verification, "level")).contains("signed at PAdES-B-LTA but it is only PAdES-B-T")
			.contains("stripped");
	}

	@Test
	void shouldRejectAnLtaPackWhoseDssWasRemovedFromTheCatalog(@TempDir Path directory) throws Exception {
		Path pack = LongTermPacks.copy(directory);
		byte[] bytes = Files.readAllBytes(pack);
		// the same length, so that every offset stays right: only the catalog's key
		// changes
		int at = indexOf(bytes, "/DSS ");
		assertThat(at).isPositive();
		bytes[at + 3] = 'X';
		Files.write(pack, bytes);

		PackVerification verification = this.verifier.verify(pack, null);

		assertThat(verification.passed()).isFalse();
		assertThat(failure(verification, "document-timestamp")).contains("does not match the bytes it covers");
	}

	@Test
	void shouldRejectAnLtaPackWhoseDssWasStrippedInAnUpdate(@TempDir Path directory) throws Exception {
		Path pack = LongTermPacks.copy(directory);
		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			document.getDocumentCatalog().getCOSObject().removeItem(COSName.getPDFName("DSS"));
			document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
			try (OutputStream out = Files.newOutputStream(directory.resolve("stripped.pdf"))) {
				document.saveIncremental(out);
			}
		}

		PackVerification verification = this.verifier.verify(directory.resolve("stripped.pdf"), null);

		assertThat(verification.passed()).isFalse();
		assertThat(failure(verification, "dss")).contains("no /DSS").contains("stripped");
		assertThat(failure(verification, "coverage")).contains("after the last document time-stamp");
	}

	@Test
	void shouldRejectAnLtaPackWhoseDocumentTimeStampWasAltered(@TempDir Path directory) throws Exception {
		Path pack = LongTermPacks.copy(directory);
		byte[] bytes = Files.readAllBytes(pack);
		try (PDDocument document = Loader.loadPDF(bytes)) {
			int[] range = document.getLastSignatureDictionary().getByteRange();
			assertThat(document.getLastSignatureDictionary().getSubFilter()).isEqualTo("ETSI.RFC3161");
			int position = range[1] + (range[2] - range[1]) * 2 / 3;
			bytes[position] = (byte) ((bytes[position] == '0') ? '1' : '0');
		}
		Files.write(pack, bytes);

		PackVerification verification = this.verifier.verify(pack, null);

		assertThat(verification.passed()).isFalse();
		assertThat(failure(verification, "document-timestamp")).contains("document time-stamp 1 of 1");
	}

	@Test
	void shouldRejectAnLtaPackChangedAndThenTimeStampedAgain(@TempDir Path directory) throws Exception {
		Path pack = LongTermPacks.copy(directory);
		Path changed = directory.resolve("changed.pdf");
		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			document.getDocumentCatalog().setLanguage("fr-FR");
			document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
			try (OutputStream out = Files.newOutputStream(changed)) {
				document.saveIncremental(out);
			}
		}
		LongTermPacks.signer().retimestamp(changed);

		PackVerification verification = this.verifier.verify(changed, null);

		assertThat(verification.passed()).isFalse();
		assertThat(failure(verification, "updates")).contains("changed after signing");
	}

	private static void assertLta(Reports reports, int documentTimeStamps) {
		SimpleReport simple = reports.getSimpleReport();
		String id = simple.getFirstSignatureId();
		assertThat(simple.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
		assertThat(simple.getIndication(id)).as(simple.getSubIndication(id) + " " + simple.getAdESValidationErrors(id))
			.isEqualTo(Indication.TOTAL_PASSED);
		assertThat(reports.getDiagnosticData().getSignatureById(id).getPDFRevision().arePdfModificationsDetected())
			.isFalse();
		// the signature time-stamp and the document time-stamps
		assertThat(simple.getSignatureTimestamps(id)).hasSize(1 + documentTimeStamps);
		assertThat(reports.getDiagnosticData().getTimestampList())
			.allSatisfy((timestamp) -> assertThat(timestamp.isSignatureValid()).as(timestamp.getId()).isTrue());
	}

	static ValidationResult veraPdf(Path pack) throws Exception {
		return PackValidatorsTests.VeraPdf.validate(pack);
	}

	private static PDSignature firstSignature(PDDocument document) throws Exception {
		return document.getSignatureDictionaries()
			.stream()
			.filter((signature) -> "ETSI.CAdES.detached".equals(signature.getSubFilter()))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> details(PackVerification verification, String name) {
		return verification.checks()
			.stream()
			.filter((check) -> check.name().equals(name))
			.map(VerificationCheck::detail)
			.toList();
	}

	private static String failure(PackVerification verification, String name) {
		List<String> failures = verification.failures()
			.stream()
			.filter((check) -> check.name().equals(name))
			.map(VerificationCheck::detail)
			.toList();
		assertThat(failures).as("a failed " + name + " check in " + verification.checks()).isNotEmpty();
		return failures.get(0);
	}

	private static int indexOf(byte[] bytes, String marker) {
		byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
		outer: for (int i = 0; i < bytes.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (bytes[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
