package org.envelopereview.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;

import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

import org.envelopereview.review.output.BoardReview;
import org.envelopereview.signing.DevelopmentPki;
import org.envelopereview.signing.PadesSigner;
import org.envelopereview.signing.SigningProperties;

/**
 * A B-LTA example pack signed through configuration, as an organisation would: a PKCS#12
 * keystore holding a signer issued by the throwaway PKI's root, its TSA and level B-LTA.
 * Written once per test JVM under {@code target/example-packs/lta}; tests that tamper
 * with it or extend it work on copies.
 */
public final class LongTermPacks {

	private static final Path ROOT = Path.of("target", "example-packs", "lta");

	private static DevelopmentPki pki;

	private static Path pack;

	private static SigningProperties properties;

	private LongTermPacks() {
	}

	public static synchronized DevelopmentPki pki() {
		if (pki == null) {
			// lives as long as the test JVM, like the packs it signs
			pki = DevelopmentPki.start();
		}
		return pki;
	}

	public static synchronized SigningProperties properties() {
		if (properties == null) {
			try {
				Path root = Files.createDirectories(ROOT);
				Path keystore = root.resolve("lta-signer.p12");
				KeyStore store = KeyStore.getInstance("PKCS12");
				store.load(null, null);
				store.setKeyEntry("signer", pki().signerKey().privateKey(), TestKeystores.PASSWORD.toCharArray(),
						pki().signerKey().chain().toArray(new Certificate[0]));
				try (OutputStream out = Files.newOutputStream(keystore)) {
					store.store(out, TestKeystores.PASSWORD.toCharArray());
				}
				Path passwordFile = Files.writeString(root.resolve("password.txt"), TestKeystores.PASSWORD);
				properties = new SigningProperties(keystore, null, "UNUSED", passwordFile, pki().tsaUrl(), false,
						"B-LTA");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return properties;
	}

	public static synchronized Path pack() {
		if (pack == null) {
			try {
				BoardReview review = BoardReviewFixtures.paymentsReview(ROOT.resolve("out/2026-Q3/payments-cab"));
				BoardReviewFixtures.writeFindingsFiles(review);
				pack = ExamplePacks.writer(ROOT.resolve("data"), properties()).write(review);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return pack;
	}

	public static Path copy(Path directory) throws IOException {
		return Files.copy(pack(), directory.resolve("review-pack.pdf"));
	}

	public static PadesSigner signer() {
		return new PadesSigner(properties());
	}

	/** EU DSS offline, only the throwaway root trusted. */
	public static Reports validate(Path pack) {
		SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new FileDocument(pack.toFile()));
		CommonCertificateVerifier verifier = new CommonCertificateVerifier();
		verifier.setAIASource(null);
		verifier.setOcspSource(null);
		verifier.setCrlSource(null);
		CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
		trusted.addCertificate(new CertificateToken(pki().rootCertificate()));
		verifier.setTrustedCertSources(trusted);
		validator.setCertificateVerifier(verifier);
		return validator.validateDocument();
	}

}
