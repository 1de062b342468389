package org.envelopereview.action.provider;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the beginning of the record being parsed, so that a record abandoned for its size
 * can still be quarantined with its first bytes: the parser reads ahead of the record's
 * start, so the last bytes read are kept too (a fixed ring, memory stays flat).
 */
public final class CapturedInput extends FilterInputStream {

	/** How much of a record is kept, as for an oversized line. */
	public static final int KEPT = 16_000;

	private final byte[] ring = new byte[128 * 1024];

	private final byte[] captured = new byte[KEPT];

	private long position;

	private int capturedLength;

	private boolean capturing;

	public CapturedInput(InputStream input) {
		super(input);
	}

	@Override
	public int read() throws IOException {
		int value = super.read();
		if (value >= 0) {
			record(new byte[] { (byte) value }, 0, 1);
		}
		return value;
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		int count = super.read(bytes, offset, length);
		if (count > 0) {
			record(bytes, offset, count);
		}
		return count;
	}

	/**
	 * Starts keeping the bytes from {@code offset} on (an offset already read, or next).
	 */
	public void capture(long offset) {
		this.capturedLength = 0;
		this.capturing = true;
		long from = Math.max(offset, Math.max(0, this.position - this.ring.length));
		for (long at = from; at < this.position && this.capturedLength < KEPT; at++) {
			this.captured[this.capturedLength++] = this.ring[(int) (at % this.ring.length)];
		}
	}

	/** The first of the {@code length} bytes kept since {@link #capture}, as text. */
	public String captured(long length) {
		this.capturing = false;
		return new String(this.captured, 0, (int) Math.min(length, this.capturedLength), StandardCharsets.UTF_8);
	}

	private void record(byte[] bytes, int offset, int count) {
		for (int i = 0; i < count; i++) {
			this.ring[(int) ((this.position + i) % this.ring.length)] = bytes[offset + i];
		}
		if (this.capturing && this.capturedLength < KEPT) {
			int kept = Math.min(count, KEPT - this.capturedLength);
			System.arraycopy(bytes, offset, this.captured, this.capturedLength, kept);
			this.capturedLength += kept;
		}
		this.position += count;
	}

}
