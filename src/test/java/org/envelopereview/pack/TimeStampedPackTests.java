package org.envelopereview.pack;

import java.nio.file.Path;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.envelopereview.review.output.BoardReview;
import org.envelopereview.signing.InProcessTimeStampAuthority;
import org.envelopereview.signing.SigningProperties;
import org.envelopereview.signing.VerificationCheck;

import static org.assertj.core.api.Assertions.assertThat;

/** With a time-stamp authority configured, packs are PAdES-B-T. */
class TimeStampedPackTests {

	@Test
	void shouldBeAPassingPadesBaselineTSignatureWithATimeStampAuthority(@TempDir Path directory) throws Exception {
		try (InProcessTimeStampAuthority tsa = InProcessTimeStampAuthority.start()) {
			BoardReview review = BoardReviewFixtures.paymentsReview(directory.resolve("out"));
			BoardReviewFixtures.writeFindingsFiles(review);
			SigningProperties properties = new SigningProperties(null, null, "REVIEW_SIGNING_PASSWORD", null, tsa.url(),
					false);

			Path pack = ExamplePacks.writer(directory.resolve("data"), properties).write(review);

			PackVerification verification = new PackVerifier().verify(pack, null);
			assertThat(verification.passed()).as(verification.checks().toString()).isTrue();
			assertThat(verification.checks()).filteredOn((check) -> check.name().equals("timestamp"))
				.singleElement()
				.satisfies((check) -> assertThat(check.outcome()).isEqualTo(VerificationCheck.Outcome.PASS));
			Reports reports = validate(pack, tsa);
			SimpleReport simple = reports.getSimpleReport();
			String id = simple.getFirstSignatureId();
			assertThat(simple.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
			assertThat(simple.getIndication(id))
				.as(simple.getSubIndication(id) + " " + simple.getAdESValidationErrors(id))
				.isEqualTo(Indication.TOTAL_PASSED);
			assertThat(reports.getDiagnosticData().getSignatureById(id).getPDFRevision().arePdfModificationsDetected())
				.isFalse();
			assertThat(PackValidatorsTests.VeraPdf.validate(pack).isCompliant()).isTrue();
		}
	}

	private static Reports validate(Path pack, InProcessTimeStampAuthority tsa) throws Exception {
		SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new FileDocument(pack.toFile()));
		CommonCertificateVerifier verifier = new CommonCertificateVerifier();
		verifier.setAIASource(null);
		verifier.setOcspSource(null);
		verifier.setCrlSource(null);
		CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
		trusted.addCertificate(new CertificateToken(PackValidatorsTests.signerOf(pack)));
		trusted.addCertificate(new CertificateToken(tsa.certificate()));
		verifier.setTrustedCertSources(trusted);
		validator.setCertificateVerifier(verifier);
		return validator.validateDocument();
	}

}
