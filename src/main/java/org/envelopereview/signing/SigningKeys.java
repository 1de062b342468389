package org.envelopereview.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.envelopereview.system.ReviewPaths;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Provides the pack signing key: the configured PKCS#12 keystore, or else a development
 * key created on first use under {@code <dataDir>/signing/} and reused afterwards.
 */
@Component
public class SigningKeys {

	/** Subject of the generated development certificate. */
	public static final String DEVELOPMENT_SUBJECT = "CN=Envelope Review DEVELOPMENT KEY, O=Envelope Review, OU=Not for submission";

	/**
	 * The development keystore's password. It protects nothing: the development key is
	 * for trying the product, and every page it signs says so.
	 */
	static final char[] DEVELOPMENT_PASSWORD = "development-key-not-secret".toCharArray();

	private static final String DEVELOPMENT_ALIAS = "development";

	private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

	private final SigningProperties properties;

	private final Path developmentKeystore;

	private final UnaryOperator<String> environment;

	private volatile DevelopmentPki developmentPki;

	@Autowired
	public SigningKeys(SigningProperties properties, ReviewPaths paths) {
		this(properties, paths.dataDir(), System::getenv);
	}

	SigningKeys(SigningProperties properties, Path dataDir, UnaryOperator<String> environment) {
		this.properties = properties;
		this.developmentKeystore = dataDir.resolve("signing").resolve("development-key.p12");
		this.environment = environment;
	}

	/**
	 * DEVELOPMENT ONLY ({@code demo --signing-level B-LTA}): sign with the throwaway
	 * PKI's signer from now on, whatever is configured.
	 */
	public void useDevelopmentPki(DevelopmentPki pki) {
		if (this.properties.requireProductionKey()) {
			throw new SigningKeyException("review.signing.require-production-key is true: the development PKI's "
					+ "throwaway signer cannot be used");
		}
		this.developmentPki = pki;
	}

	/**
	 * The signing key to use now; fails with a clear message when it cannot be loaded.
	 */
	public SigningKey load() {
		DevelopmentPki pki = this.developmentPki;
		if (pki != null) {
			return pki.signerKey();
		}
		if (this.properties.keystore() != null) {
			return loadConfigured(this.properties.keystore());
		}
		if (this.properties.requireProductionKey()) {
			throw new SigningKeyException(
					"review.signing.require-production-key is true but no keystore is configured: "
							+ "set review.signing.keystore to a PKCS#12 file");
		}
		return loadOrCreateDevelopmentKey();
	}

	private SigningKey loadConfigured(Path keystore) {
		char[] password = password();
		try (InputStream in = Files.newInputStream(keystore)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password);
			String alias = (this.properties.alias() != null) ? this.properties.alias() : onlyKeyAlias(store, keystore);
			Key key = store.getKey(alias, password);
			if (!(key instanceof PrivateKey privateKey)) {
				throw new SigningKeyException("keystore " + keystore + " has no private key under alias '" + alias
						+ "' (review.signing.alias)");
			}
			SigningKey signingKey = new SigningKey(privateKey, chain(store.getCertificateChain(alias)), false);
			if (signingKey.certificate().getSubjectX500Principal().getName().contains("DEVELOPMENT KEY")) {
				return developmentChecked(new SigningKey(privateKey, signingKey.chain(), true));
			}
			return signingKey;
		}
		catch (IOException ex) {
			// a wrong password surfaces as an IOException; never include the password
			throw new SigningKeyException("cannot open keystore " + keystore + ": " + ex.getMessage()
					+ " (is the password in " + passwordSource() + " right?)", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new SigningKeyException("cannot read the key in keystore " + keystore + ": " + ex.getMessage(), ex);
		}
		finally {
			java.util.Arrays.fill(password, '\0');
		}
	}

	private SigningKey developmentChecked(SigningKey key) {
		if (this.properties.requireProductionKey()) {
			throw new SigningKeyException("review.signing.require-production-key is true but the configured keystore "
					+ "holds a development key (" + key.certificate().getSubjectX500Principal() + ")");
		}
		return key;
	}

	private char[] password() {
		if (this.properties.passwordFile() != null) {
			try {
				List<String> lines = Files.readAllLines(this.properties.passwordFile(), StandardCharsets.UTF_8);
				return (lines.isEmpty() ? "" : lines.get(0)).toCharArray();
			}
			catch (IOException ex) {
				throw new SigningKeyException("cannot read the keystore password file " + this.properties.passwordFile()
						+ " (review.signing.password-file): " + ex.getMessage(), ex);
			}
		}
		String value = this.environment.apply(this.properties.passwordEnv());
		if (value == null) {
			throw new SigningKeyException("the keystore " + this.properties.keystore() + " needs a password: set the "
					+ "environment variable " + this.properties.passwordEnv() + " (review.signing.password-env) or "
					+ "review.signing.password-file");
		}
		return value.toCharArray();
	}

	private String passwordSource() {
		return (this.properties.passwordFile() != null) ? "file " + this.properties.passwordFile()
				: "environment variable " + this.properties.passwordEnv();
	}

	private static String onlyKeyAlias(KeyStore store, Path keystore) throws GeneralSecurityException {
		List<String> keys = new ArrayList<>();
		for (String alias : Collections.list(store.aliases())) {
			if (store.isKeyEntry(alias)) {
				keys.add(alias);
			}
		}
		if (keys.size() != 1) {
			throw new SigningKeyException("keystore " + keystore + " has " + keys.size() + " key entries " + keys
					+ ": name one with review.signing.alias");
		}
		return keys.get(0);
	}

	private static List<X509Certificate> chain(Certificate[] certificates) {
		List<X509Certificate> chain = new ArrayList<>();
		for (Certificate certificate : certificates) {
			chain.add((X509Certificate) certificate);
		}
		return chain;
	}

	private SigningKey loadOrCreateDevelopmentKey() {
		if (!Files.exists(this.developmentKeystore)) {
			createDevelopmentKeystore();
		}
		try (InputStream in = Files.newInputStream(this.developmentKeystore)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, DEVELOPMENT_PASSWORD);
			PrivateKey key = (PrivateKey) store.getKey(DEVELOPMENT_ALIAS, DEVELOPMENT_PASSWORD);
			return new SigningKey(key, chain(store.getCertificateChain(DEVELOPMENT_ALIAS)), true);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new SigningKeyException("cannot read the development key " + this.developmentKeystore + ": "
					+ ex.getMessage() + " (delete it to have a new one created)", ex);
		}
	}

	private void createDevelopmentKeystore() {
		try {
			Files.createDirectories(this.developmentKeystore.getParent());
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(3072, new SecureRandom());
			KeyPair pair = generator.generateKeyPair();
			X509Certificate certificate = selfSigned(pair);
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry(DEVELOPMENT_ALIAS, pair.getPrivate(), DEVELOPMENT_PASSWORD,
					new Certificate[] { certificate });
			Path temporary = Files.createTempFile(this.developmentKeystore.getParent(), "development-key", ".tmp");
			try (OutputStream out = Files.newOutputStream(temporary)) {
				store.store(out, DEVELOPMENT_PASSWORD);
			}
			moveIntoPlace(temporary);
			logger.warn("Created a DEVELOPMENT signing key at {}; packs signed with it are marked NOT FOR SUBMISSION. "
					+ "Configure review.signing.keystore for real packs.", this.developmentKeystore);
		}
		catch (IOException | GeneralSecurityException | OperatorCreationException ex) {
			throw new SigningKeyException(
					"cannot create the development key " + this.developmentKeystore + ": " + ex.getMessage(), ex);
		}
	}

	private void moveIntoPlace(Path temporary) throws IOException {
		try {
			// no REPLACE_EXISTING: when another process created the key meanwhile, keep
			// theirs
			Files.move(temporary, this.developmentKeystore, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException | AtomicMoveNotSupportedException ex) {
			if (!Files.exists(this.developmentKeystore)) {
				Files.move(temporary, this.developmentKeystore);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	static X509Certificate selfSigned(KeyPair pair)
			throws GeneralSecurityException, OperatorCreationException, IOException {
		X500Name subject = new X500Name(DEVELOPMENT_SUBJECT);
		Instant now = Instant.now();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
				new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
				Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
				pair.getPublic());
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true,
				new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
		builder.addExtension(Extension.subjectKeyIdentifier, false,
				extensions.createSubjectKeyIdentifier(pair.getPublic()));
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
	}

}
