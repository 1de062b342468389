package org.envelopereview.signing;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The PAdES baseline level packs are signed at ({@code review.signing.level}).
 */
public enum SigningLevel {

	/**
	 * The signature alone: proves who signed, for as long as the certificate is valid.
	 */
	B_B("B-B"),

	/**
	 * Plus an RFC 3161 signature time-stamp: proves the signature existed at that time.
	 */
	B_T("B-T"),

	/**
	 * Plus the validation data of every certificate (a /DSS) and a document time-stamp
	 * over it: validates offline until the last time-stamp's certificate expires, and
	 * longer with {@code retimestamp}.
	 */
	B_LTA("B-LTA");

	private final String label;

	SigningLevel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean timeStamped() {
		return this != B_B;
	}

	/**
	 * Reads {@code B-B}, {@code B-T} or {@code B-LTA} (any case, with or without
	 * "PAdES-").
	 */
	public static SigningLevel parse(String text) {
		String normal = text.trim().toUpperCase(Locale.ROOT).replaceFirst("^PADES-(BASELINE-)?", "").replace('_', '-');
		if (!normal.startsWith("B-") && !normal.isEmpty()) {
			normal = "B-" + normal;
		}
		for (SigningLevel level : values()) {
			if (level.label.equals(normal)) {
				return level;
			}
		}
		throw new IllegalArgumentException("unknown signing level '" + text + "': use one of "
				+ Arrays.stream(values()).map(SigningLevel::label).collect(Collectors.joining(", ")));
	}

	@Override
	public String toString() {
		return this.label;
	}

}
