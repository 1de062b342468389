package org.envelopereview.signing;

import java.security.cert.X509Certificate;
import java.util.HexFormat;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import org.envelopereview.system.Sha256;

/**
 * SHA-256 fingerprints and display names of certificates, as packs and verify show them.
 */
public final class CertificateFingerprint {

	private CertificateFingerprint() {
	}

	/** SHA-256 of the DER certificate, lower-case hex. */
	public static String sha256(X509Certificate certificate) {
		return HexFormat.of().formatHex(digest(SigningKey.encoded(certificate)));
	}

	/** {@code ab:cd:…} in upper case, the way certificate viewers print fingerprints. */
	public static String colonSeparated(String hex) {
		return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
	}

	static String commonName(X500Principal principal) {
		String name = principal.getName(X500Principal.RFC2253);
		try {
			for (Rdn rdn : new LdapName(name).getRdns()) {
				if ("CN".equalsIgnoreCase(rdn.getType())) {
					return rdn.getValue().toString();
				}
			}
		}
		catch (InvalidNameException ex) {
			// fall back to the whole name
		}
		return name;
	}

	static byte[] digest(byte[] bytes) {
		return Sha256.of(bytes);
	}

}
