package org.envelopereview.signing;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SigningKeysTests {

	private static final String PASSWORD = "s3cret-Pa55word";

	@Test
	void shouldCreateADevelopmentKeyOnFirstUseAndReuseItAfterwards(@TempDir Path dataDir) {
		SigningKeys keys = new SigningKeys(SigningProperties.developmentDefaults(), dataDir, (name) -> null);

		SigningKey first = keys.load();
		SigningKey second = keys.load();

		assertThat(dataDir.resolve("signing/development-key.p12")).exists();
		assertThat(first.development()).isTrue();
		assertThat(first.signerName()).isEqualTo("Envelope Review DEVELOPMENT KEY");
		assertThat(first.certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
		assertThat(
				((java.security.interfaces.RSAPublicKey) first.certificate().getPublicKey()).getModulus().bitLength())
			.isEqualTo(3072);
		assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
	}

	@Test
	void shouldRefuseTheDevelopmentKeyWhenAProductionKeyIsRequired(@TempDir Path dataDir) {
		SigningProperties properties = new SigningProperties(null, null, "REVIEW_SIGNING_PASSWORD", null, null, true);

		assertThatExceptionOfType(SigningKeyException.class)
			.isThrownBy(() -> new SigningKeys(properties, dataDir, (name) -> null).load())
			.withMessageContaining("require-production-key")
			.withMessageContaining("review.signing.keystore");
		assertThat(dataDir.resolve("signing")).doesNotExist();
	}

	@Test
	void shouldLoadTheConfiguredKeystoreWithThePasswordFromTheNamedEnvironmentVariable(@TempDir Path directory)
			throws Exception {
		Path keystore = keystore(directory, "signer");
		SigningProperties properties = new SigningProperties(keystore, null, "MY_SIGNING_PASSWORD", null, null, true);

		SigningKey key = new SigningKeys(properties, directory, Map.of("MY_SIGNING_PASSWORD", PASSWORD)::get).load();

		assertThat(key.development()).isFalse();
		assertThat(key.signerName()).isEqualTo("Production Signer");
	}

	@Test
	void shouldPreferThePasswordFileOverTheEnvironment(@TempDir Path directory) throws Exception {
		Path keystore = keystore(directory, "signer");
		Path passwordFile = Files.writeString(directory.resolve("password.txt"), PASSWORD + "\n");
		SigningProperties properties = new SigningProperties(keystore, "signer", "REVIEW_SIGNING_PASSWORD",
				passwordFile, null, false);

		SigningKey key = new SigningKeys(properties, directory, Map.of("REVIEW_SIGNING_PASSWORD", "wrong")::get).load();

		assertThat(key.signerName()).isEqualTo("Production Signer");
	}

	@Test
	void shouldNameTheKeystoreButNeverThePasswordWhenThePasswordIsWrong(@TempDir Path directory) throws Exception {
		Path keystore = keystore(directory, "signer");
		SigningProperties properties = new SigningProperties(keystore, null, "REVIEW_SIGNING_PASSWORD", null, null,
				false);
		String wrong = "not-the-password-42";

		assertThatExceptionOfType(SigningKeyException.class)
			.isThrownBy(
					() -> new SigningKeys(properties, directory, Map.of("REVIEW_SIGNING_PASSWORD", wrong)::get).load())
			.withMessageContaining(keystore.toString())
			.withMessageContaining("REVIEW_SIGNING_PASSWORD")
			.withMessageNotContaining(wrong)
			.satisfies((ex) -> assertThat(String.valueOf(ex.getCause())).doesNotContain(wrong));
	}

	@Test
	void shouldSayWhichEnvironmentVariableToSetWhenThePasswordIsMissing(@TempDir Path directory) throws Exception {
		Path keystore = keystore(directory, "signer");
		SigningProperties properties = new SigningProperties(keystore, null, "REVIEW_SIGNING_PASSWORD", null, null,
				false);

		assertThatExceptionOfType(SigningKeyException.class)
			.isThrownBy(() -> new SigningKeys(properties, directory, (name) -> null).load())
			.withMessageContaining("set the environment variable REVIEW_SIGNING_PASSWORD");
	}

	@Test
	void shouldSayWhenTheConfiguredAliasHoldsNoKey(@TempDir Path directory) throws Exception {
		Path keystore = keystore(directory, "signer");
		SigningProperties properties = new SigningProperties(keystore, "nobody", "P", null, null, false);

		assertThatExceptionOfType(SigningKeyException.class)
			.isThrownBy(() -> new SigningKeys(properties, directory, Map.of("P", PASSWORD)::get).load())
			.withMessageContaining("no private key under alias 'nobody'");
	}

	@Test
	void shouldNotPrintThePrivateKey(@TempDir Path dataDir) {
		SigningKey key = new SigningKeys(SigningProperties.developmentDefaults(), dataDir, (name) -> null).load();

		assertThat(key.toString()).contains(key.fingerprint()).doesNotContain("modulus").doesNotContain("exponent");
	}

	static Path keystore(Path directory, String alias) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name(
				"CN=Production Signer, O=Example");
		java.security.cert.X509Certificate certificate = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
			.getCertificate(new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name, BigInteger.ONE,
					new java.util.Date(), new java.util.Date(System.currentTimeMillis() + 86_400_000L), name,
					pair.getPublic())
				.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
					.build(pair.getPrivate())));
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry(alias, pair.getPrivate(), PASSWORD.toCharArray(), new Certificate[] { certificate });
		Path keystore = directory.resolve("signer.p12");
		try (OutputStream out = Files.newOutputStream(keystore)) {
			store.store(out, PASSWORD.toCharArray());
		}
		return keystore;
	}

}
