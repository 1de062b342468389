package org.envelopereview.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PadesSignerTests {

	@Test
	void shouldSignWithExactlyThePadesBaselineSignedAttributesAndTheTimeInTheDictionary(@TempDir Path directory)
			throws Exception {
		Path source = onePagePdf(directory);
		SigningKey key = new SigningKeys(SigningProperties.developmentDefaults(), directory, (name) -> null).load();
		Instant signingTime = Instant.parse("2026-10-01T02:00:00Z");

		new PadesSigner(SigningProperties.developmentDefaults()).sign(source, directory.resolve("signed.pdf"), key,
				"Periodic envelope review 2026-Q3", new VisibleSignature(0, 300, 280, 250, 84, List.of("Signed")),
				signingTime);

		byte[] file = Files.readAllBytes(directory.resolve("signed.pdf"));
		try (PDDocument document = Loader.loadPDF(file)) {
			PDSignature signature = document.getLastSignatureDictionary();
			assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
			assertThat(signature.getSignDate().toInstant()).isEqualTo(signingTime);
			byte[] contents = signature.getContents(file);
			assertThat(PadesVerifier.derPrefix(contents)).hasSameSizeAs(contents);
			SignerInformation signer = new CMSSignedData(contents).getSignerInfos().getSigners().iterator().next();
			AttributeTable attributes = signer.getSignedAttributes();
			assertThat(attributes.size()).isEqualTo(3);
			assertThat(attributes.get(CMSAttributes.contentType)).isNotNull();
			assertThat(attributes.get(CMSAttributes.messageDigest)).isNotNull();
			assertThat(attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
			assertThat(attributes.get(CMSAttributes.signingTime)).isNull();
			assertThat(signer.getUnsignedAttributes()).isNull();
			assertThat(signer.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1");
			assertThat(signature.getByteRange()[2] + signature.getByteRange()[3]).isEqualTo(file.length);
		}
	}

	@Test
	void shouldAddASignatureTimeStampWhenATimeStampAuthorityIsConfigured(@TempDir Path directory) throws Exception {
		try (InProcessTimeStampAuthority tsa = InProcessTimeStampAuthority.start()) {
			Path source = onePagePdf(directory);
			SigningProperties properties = new SigningProperties(null, null, "X", null, tsa.url(), false);
			SigningKey key = new SigningKeys(properties, directory, (name) -> null).load();

			new PadesSigner(properties).sign(source, directory.resolve("signed.pdf"), key, "reason",
					new VisibleSignature(0, 300, 280, 250, 84, List.of("Signed")), Instant.now());

			byte[] file = Files.readAllBytes(directory.resolve("signed.pdf"));
			try (PDDocument document = Loader.loadPDF(file)) {
				byte[] contents = document.getLastSignatureDictionary().getContents(file);
				SignerInformation signer = new CMSSignedData(contents).getSignerInfos().getSigners().iterator().next();
				assertThat(signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken))
					.isNotNull();
				assertThat(new PadesVerifier().verify(file, document, null).checks())
					.contains(VerificationCheck.pass("coverage",
							"the signature covers the whole file (" + file.length
									+ " bytes, all but its own /Contents)"))
					.anySatisfy((check) -> assertThat(check.toString()).startsWith("PASS timestamp: RFC 3161"));
			}
		}
	}

	@Test
	void shouldFailWithTheTsaUrlWhenTheTimeStampAuthorityDoesNotAnswer(@TempDir Path directory) throws Exception {
		Path source = onePagePdf(directory);
		SigningProperties properties = new SigningProperties(null, null, "X", null, "http://127.0.0.1:9/tsa", false);
		SigningKey key = new SigningKeys(properties, directory, (name) -> null).load();

		org.assertj.core.api.Assertions.assertThatExceptionOfType(SigningException.class)
			.isThrownBy(() -> new PadesSigner(properties).sign(source, directory.resolve("signed.pdf"), key, "reason",
					new VisibleSignature(0, 300, 280, 250, 84, List.of("Signed")), Instant.now()))
			.withMessageContaining("http://127.0.0.1:9/tsa")
			.withMessageContaining("review.signing.tsa-url");
	}

	static Path onePagePdf(Path directory) throws Exception {
		Path source = directory.resolve("source.pdf");
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			document.save(source.toFile());
		}
		return source;
	}

}
