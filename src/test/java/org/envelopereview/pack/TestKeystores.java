package org.envelopereview.pack;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A PKCS#12 keystore with a self-signed "production" signer, as an organisation would
 * configure.
 */
final class TestKeystores {

	static final String PASSWORD = "correct horse battery staple";

	static final String SUBJECT = "CN=Envelope Review Test Signer, O=Example Payments Ltd, C=DE";

	private TestKeystores() {
	}

	static Path productionKeystore(Path directory) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		Instant now = Instant.now();
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(SUBJECT), BigInteger.TEN,
				Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
				new X500Name(SUBJECT), pair.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true,
				new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
		X509Certificate certificate = new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("signer", pair.getPrivate(), PASSWORD.toCharArray(), new Certificate[] { certificate });
		Path keystore = directory.resolve("signer.p12");
		try (OutputStream out = Files.newOutputStream(keystore)) {
			store.store(out, PASSWORD.toCharArray());
		}
		return keystore;
	}

}
