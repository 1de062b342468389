package org.envelopereview.signing;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.security.auth.x500.X500Principal;

/**
 * The key that signs review packs, with its certificate chain (signer first).
 *
 * @param development true for the generated development key: packs it signs are marked
 * not for submission
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain, boolean development) {

	public SigningKey {
		chain = List.copyOf(chain);
		if (chain.isEmpty()) {
			throw new IllegalArgumentException("a signing key needs its certificate");
		}
	}

	public X509Certificate certificate() {
		return this.chain.get(0);
	}

	/** SHA-256 of the DER certificate, lower-case hex without separators. */
	public String fingerprint() {
		return CertificateFingerprint.sha256(certificate());
	}

	/** The signer's common name, or the whole subject when it has none. */
	public String signerName() {
		return CertificateFingerprint.commonName(certificate().getSubjectX500Principal());
	}

	@Override
	public String toString() {
		// never print the private key
		return "SigningKey[" + certificate().getSubjectX500Principal().getName(X500Principal.RFC2253) + ", sha256="
				+ fingerprint() + ", development=" + this.development + "]";
	}

	static byte[] encoded(X509Certificate certificate) {
		try {
			return certificate.getEncoded();
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException("cannot encode certificate " + certificate.getSubjectX500Principal(), ex);
		}
	}

}
