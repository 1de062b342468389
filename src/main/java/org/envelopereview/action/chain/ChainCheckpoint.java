package org.envelopereview.action.chain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

import org.envelopereview.system.Sha256;

/**
 * The last row of an agent's chain as a run verified it: the next run verifies the agent
 * from this row on. The row must still be there with this hash, and its content must
 * still hash to it.
 */
public record ChainCheckpoint(String agent, long seq, String hash) {

	/**
	 * SHA-256 (lower-case hex) of a set of checkpoints: one line {@code agent|seq|hash}
	 * per agent, each ending with a line feed, UTF-8, sorted by their bytes. The same
	 * digest as {@code LC_ALL=C sort | sha256sum} over the lines, so that an auditor can
	 * recompute it from the table, or compare it with the one a previous pack carries.
	 */
	public static String digest(Collection<ChainCheckpoint> checkpoints) {
		byte[][] lines = checkpoints.stream()
			.map((checkpoint) -> (checkpoint.agent() + "|" + checkpoint.seq() + "|" + checkpoint.hash() + "\n")
				.getBytes(StandardCharsets.UTF_8))
			.sorted(Arrays::compareUnsigned)
			.toArray(byte[][]::new);
		int length = 0;
		for (byte[] line : lines) {
			length += line.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] line : lines) {
			System.arraycopy(line, 0, all, at, line.length);
			at += line.length;
		}
		return Sha256.hex(all);
	}

}
