package org.envelopereview.pack;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example pack against independent validators: EU DSS for PAdES, veraPDF for
 * PDF/A-3b.
 */
class PackValidatorsTests {

	@Test
	void shouldBeAPassingPadesBaselineBSignatureForTheEuDssValidator() throws Exception {
		Path pack = ExamplePacks.developmentPack();

		Reports reports = DssValidation.validate(pack, signerOf(pack));

		SimpleReport simple = reports.getSimpleReport();
		String id = simple.getFirstSignatureId();
		SignatureWrapper signature = reports.getDiagnosticData().getSignatureById(id);
		assertThat(simple.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_B);
		assertThat(simple.getIndication(id)).as(simple.getSubIndication(id) + " " + simple.getAdESValidationErrors(id))
			.isEqualTo(Indication.TOTAL_PASSED);
		assertThat(signature.isSignatureIntact()).isTrue();
		assertThat(signature.isSignatureValid()).isTrue();
		assertThat(signature.getPDFRevision().arePdfModificationsDetected()).isFalse();
		assertThat(signature.getPDFRevision().isSignatureByteRangeValid()).isTrue();
	}

	@Test
	void shouldNotPassTheEuDssValidatorWhenTheSignerIsNotTrusted() throws Exception {
		Path pack = ExamplePacks.developmentPack();

		Reports reports = DssValidation.validate(pack, null);

		String id = reports.getSimpleReport().getFirstSignatureId();
		assertThat(reports.getSimpleReport().getIndication(id)).isNotEqualTo(Indication.TOTAL_PASSED);
	}

	@Test
	void shouldBePdfA3bCompliantForVeraPdf() throws Exception {
		Path pack = ExamplePacks.developmentPack();

		ValidationResult result = VeraPdf.validate(pack);

		List<String> failures = result.getTestAssertions()
			.stream()
			.filter((assertion) -> assertion.getStatus() == TestAssertion.Status.FAILED)
			.map((assertion) -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + " "
					+ assertion.getMessage() + " @ " + assertion.getLocation().getContext())
			.distinct()
			.toList();
		assertThat(failures).isEmpty();
		assertThat(result.isCompliant()).isTrue();
		assertThat(result.getPDFAFlavour()).isEqualTo(PDFAFlavour.PDFA_3_B);
	}

	@Test
	void shouldBeAPassingPadesSignatureAndPdfA3bForTheRegisterAnnexToo() throws Exception {
		Path annex = ExamplePacks.annexPack().resolveSibling(ReviewPackWriter.REGISTER_ANNEX);

		Reports reports = DssValidation.validate(annex, signerOf(annex));
		ValidationResult result = VeraPdf.validate(annex);

		String id = reports.getSimpleReport().getFirstSignatureId();
		assertThat(reports.getSimpleReport().getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_B);
		assertThat(reports.getSimpleReport().getIndication(id)).isEqualTo(Indication.TOTAL_PASSED);
		assertThat(reports.getDiagnosticData().getSignatureById(id).getPDFRevision().arePdfModificationsDetected())
			.isFalse();
		assertThat(result.getTestAssertions()
			.stream()
			.filter((assertion) -> assertion.getStatus() == TestAssertion.Status.FAILED)
			.map((assertion) -> assertion.getRuleId().getClause() + " " + assertion.getMessage())
			.distinct()
			.toList()).isEmpty();
		assertThat(result.isCompliant()).isTrue();
	}

	static X509Certificate signerOf(Path pack) throws Exception {
		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			byte[] file = Files.readAllBytes(pack);
			return new org.envelopereview.signing.PadesVerifier().verify(file, document, null).signer();
		}
	}

	/**
	 * EU DSS, offline: no AIA, OCSP or CRL fetching; only the given certificate trusted.
	 */
	static final class DssValidation {

		static Reports validate(Path pack, X509Certificate trusted) {
			SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new FileDocument(pack.toFile()));
			CommonCertificateVerifier verifier = new CommonCertificateVerifier();
			verifier.setAIASource(null);
			verifier.setOcspSource(null);
			verifier.setCrlSource(null);
			if (trusted != null) {
				CommonTrustedCertificateSource trustedSource = new CommonTrustedCertificateSource();
				trustedSource.addCertificate(new CertificateToken(trusted));
				verifier.setTrustedCertSources(trustedSource);
			}
			validator.setCertificateVerifier(verifier);
			return validator.validateDocument();
		}

	}

	/** veraPDF with the PDF/A-3b profile. */
	static final class VeraPdf {

		static {
			VeraGreenfieldFoundryProvider.initialise();
		}

		static ValidationResult validate(Path pack) throws Exception {
			try (InputStream in = Files.newInputStream(pack);
					PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_3_B);
					PDFAValidator validator = Foundries.defaultInstance()
						.createValidator(PDFAFlavour.PDFA_3_B, false)) {
				return validator.validate(parser);
			}
		}

	}

}
