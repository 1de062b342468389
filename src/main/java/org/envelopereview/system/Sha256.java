package org.envelopereview.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one digest of the product: input and output manifests, chains,
 * fingerprints.
 */
public final class Sha256 {

	private Sha256() {
	}

	/** A fresh digest, for content that arrives in pieces. */
	public static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
		}
	}

	public static byte[] of(byte[] content) {
		return newDigest().digest(content);
	}

	/** Lower-case hex of the digest of the bytes. */
	public static String hex(byte[] content) {
		return HexFormat.of().formatHex(of(content));
	}

	/** Lower-case hex of the digest of the text's UTF-8 bytes. */
	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

}
