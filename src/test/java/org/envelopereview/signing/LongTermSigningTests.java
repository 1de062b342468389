package org.envelopereview.signing;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * B-LTA signing against the throwaway PKI: what goes in the /DSS, and the refusals.
 */
class LongTermSigningTests {

	private static final VisibleSignature BLOCK = new VisibleSignature(0, 300, 280, 250, 84, List.of("Signed"));

	@Test
	void shouldEmbedTheOcspResponsesOfTheSignerAndTheTsaAndADocumentTimeStamp(@TempDir Path directory)
			throws Exception {
		try (DevelopmentPki pki = DevelopmentPki.start()) {
			Path signed = sign(pki, directory, "B-LTA");

			byte[] file = Files.readAllBytes(signed);
			try (PDDocument document = Loader.loadPDF(file)) {
				List<SignedRevision> revisions = SignedRevision.of(file, document);
				assertThat(revisions).extracting(SignedRevision::documentTimeStamp).containsExactly(false, true);
				assertThat(revisions.get(1).end()).isEqualTo(file.length);
				// exactly filled: no zero padding after the token
				byte[] contents = revisions.get(1).dictionary().getContents(file);
				assertThat(PadesVerifier.derPrefix(contents)).hasSameSizeAs(contents);
				ValidationData dss = DocumentSecurityStore.read(document);
				assertThat(dss.certificates()).contains(pki.signerKey().certificate(), pki.tsaCertificate(),
						pki.rootCertificate(), pki.ocspResponderCertificate());
				assertThat(dss.ocspResponses()).hasSize(2);
				assertThat(DocumentSecurityStore.covers(dss, pki.signerKey().certificate(), pki.rootCertificate()))
					.isTrue();
				assertThat(DocumentSecurityStore.covers(dss, pki.tsaCertificate(), pki.rootCertificate())).isTrue();
				assertThat(DocumentSecurityStore.covers(dss, pki.rootCertificate(), pki.rootCertificate())).isFalse();
			}
		}
	}

	@Test
	void shouldAddNoValidationDataAtBt(@TempDir Path directory) throws Exception {
		try (DevelopmentPki pki = DevelopmentPki.start()) {
			Path signed = sign(pki, directory, "B-T");

			byte[] file = Files.readAllBytes(signed);
			try (PDDocument document = Loader.loadPDF(file)) {
				assertThat(SignedRevision.of(file, document)).singleElement()
					.satisfies((revision) -> assertThat(revision.timeStampToken()).isNotNull());
				assertThat(DocumentSecurityStore.present(document)).isFalse();
			}
		}
	}

	@Test
	void shouldRefuseToEmbedProofThatTheSignerIsRevoked(@TempDir Path directory) throws Exception {
		try (DevelopmentPki pki = DevelopmentPki.start()) {
			pki.revoke(pki.signerKey().certificate());

			assertThatExceptionOfType(SigningException.class).isThrownBy(() -> sign(pki, directory, "B-LTA"))
				.withMessageContaining("Envelope Review DEVELOPMENT KEY")
				.withMessageContaining("is not good")
				.withMessageContaining("refusing to embed it");
		}
	}

	@Test
	void shouldSayWhichCertificateNamesNoOcspResponderOrCrl(@TempDir Path directory) throws Exception {
		try (DevelopmentPki pki = DevelopmentPki.start()) {
			SigningKey withoutAia = issuedWithoutAia();
			SigningProperties properties = new SigningProperties(null, null, "X", null, pki.tsaUrl(), false, "B-LTA");

			assertThatExceptionOfType(SigningException.class)
				.isThrownBy(() -> new PadesSigner(properties).sign(PadesSignerTests.onePagePdf(directory),
						directory.resolve("signed.pdf"), withoutAia, "test", BLOCK, Instant.now()))
				.withMessageContaining("Signer Without AIA")
				.withMessageContaining("names no OCSP responder (AIA) and no CRL distribution point");
		}
	}

	/** A signer issued by a CA, whose certificate says nothing of revocation. */
	private static SigningKey issuedWithoutAia() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair ca = generator.generateKeyPair();
		KeyPair signer = generator.generateKeyPair();
		Instant now = Instant.now();
		X500Name caName = new X500Name("CN=Test CA");
		JcaX509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE,
				Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86_400)), caName, ca.getPublic());
		caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
		X509Certificate caCertificate = new JcaX509CertificateConverter()
			.getCertificate(caBuilder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
		JcaX509v3CertificateBuilder signerBuilder = new JcaX509v3CertificateBuilder(caCertificate, BigInteger.TWO,
				Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86_400)),
				new X500Name("CN=Signer Without AIA"), signer.getPublic());
		X509Certificate signerCertificate = new JcaX509CertificateConverter()
			.getCertificate(signerBuilder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
		return new SigningKey(signer.getPrivate(), List.of(signerCertificate, caCertificate), false);
	}

	@Test
	void shouldRequireATimeStampAuthorityForBltaAndRejectUnknownLevels() {
		assertThatExceptionOfType(SigningException.class)
			.isThrownBy(() -> new SigningProperties(null, null, "X", null, null, false, "B-LTA").signingLevel())
			.withMessageContaining("review.signing.tsa-url");
		assertThatExceptionOfType(SigningException.class)
			.isThrownBy(() -> new SigningProperties(null, null, "X", null, "http://tsa", false, "B-LT").signingLevel())
			.withMessageContaining("B-B, B-T, B-LTA");
		assertThat(
				new SigningProperties(null, null, "X", null, "http://tsa", false, "pades-baseline-lta").signingLevel())
			.isEqualTo(SigningLevel.B_LTA);
		assertThat(new SigningProperties(null, null, "X", null, "http://tsa", false, null).signingLevel())
			.isEqualTo(SigningLevel.B_T);
		assertThat(SigningProperties.developmentDefaults().signingLevel()).isEqualTo(SigningLevel.B_B);
	}

	private static Path sign(DevelopmentPki pki, Path directory, String level) throws Exception {
		SigningProperties properties = new SigningProperties(null, null, "X", null, pki.tsaUrl(), false, level);
		Path target = directory.resolve("signed.pdf");
		new PadesSigner(properties).sign(PadesSignerTests.onePagePdf(directory), target, pki.signerKey(), "test", BLOCK,
				Instant.now());
		return target;
	}

}
