package org.envelopereview.signing;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the pack signing key comes from and how packs are time-stamped.
 *
 * @param keystore a PKCS#12 keystore; {@code null} means: use (or create) the development
 * key under the data directory
 * @param alias the key entry to use, or {@code null} for the keystore's only key entry
 * @param passwordEnv the environment variable that holds the keystore password
 * @param passwordFile a file whose first line is the keystore password; wins over the
 * environment variable
 * @param tsaUrl an RFC 3161 time-stamp authority; when set, signatures are PAdES-B-T
 * @param requireProductionKey refuse to sign with the development key
 */
@ConfigurationProperties("review.signing")
public record SigningProperties(Path keystore, String alias,
		@DefaultValue("REVIEW_SIGNING_PASSWORD") String passwordEnv, Path passwordFile, String tsaUrl,
		@DefaultValue("false") boolean requireProductionKey) {

	/** No keystore, no time-stamping: the development key. */
	public static SigningProperties developmentDefaults() {
		return new SigningProperties(null, null, "REVIEW_SIGNING_PASSWORD", null, null, false);
	}

}
