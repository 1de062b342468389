package org.envelopereview.signing;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param tsaUrl an RFC 3161 time-stamp authority; needed for B-T and B-LTA
 * @param requireProductionKey refuse to sign with the development key
 * @param level {@code B-B}, {@code B-T} or {@code B-LTA}; when unset, B-T where a
 * time-stamp authority is configured and B-B otherwise
 */
@ConfigurationProperties("review.signing")
public record SigningProperties(Path keystore, String alias,
		@DefaultValue("REVIEW_SIGNING_PASSWORD") String passwordEnv, Path passwordFile, String tsaUrl,
		@DefaultValue("false") boolean requireProductionKey, String level) {

	@ConstructorBinding
	public SigningProperties {
	}

	public SigningProperties(Path keystore, String alias, String passwordEnv, Path passwordFile, String tsaUrl,
			boolean requireProductionKey) {
		this(keystore, alias, passwordEnv, passwordFile, tsaUrl, requireProductionKey, null);
	}

	/** No keystore, no time-stamping: the development key. */
	public static SigningProperties developmentDefaults() {
		return new SigningProperties(null, null, "REVIEW_SIGNING_PASSWORD", null, null, false);
	}

	/** True when a time-stamp authority URL is configured. */
	public boolean hasTsa() {
		return this.tsaUrl != null && !this.tsaUrl.isBlank();
	}

	/**
	 * The configured level, checked against the time-stamp authority it needs.
	 * @throws SigningException when the level is unknown, or B-T / B-LTA without a TSA
	 */
	public SigningLevel signingLevel() {
		if (this.level == null || this.level.isBlank()) {
			return hasTsa() ? SigningLevel.B_T : SigningLevel.B_B;
		}
		SigningLevel parsed;
		try {
			parsed = SigningLevel.parse(this.level);
		}
		catch (IllegalArgumentException ex) {
			throw new SigningException(ex.getMessage() + " (review.signing.level)");
		}
		if (parsed.timeStamped() && !hasTsa()) {
			throw new SigningException("review.signing.level=" + parsed + " needs an RFC 3161 time-stamp authority: "
					+ "set review.signing.tsa-url");
		}
		return parsed;
	}

}
