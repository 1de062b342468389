package org.envelopereview.export;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based UUIDs (RFC 9562 version 5, SHA-1) in the product's own namespace, so that
 * the same review gives the same identifiers in every export.
 */
final class NameBasedUuid {

	/** The namespace: version 5 of {@code urn:envelope-review} in the URL namespace. */
	static final UUID NAMESPACE = v5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "urn:envelope-review");

	private NameBasedUuid() {
	}

	/** The UUID of a name made of parts joined by {@code |}. */
	static String of(String... parts) {
		return v5(NAMESPACE, String.join("|", parts)).toString();
	}

	static UUID v5(UUID namespace, String name) {
		MessageDigest sha1;
		try {
			sha1 = MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is required of every Java runtime", ex);
		}
		ByteBuffer space = ByteBuffer.allocate(16);
		space.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
		sha1.update(space.array());
		byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
		hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
		hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
		ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
		return new UUID(bits.getLong(), bits.getLong());
	}

}
