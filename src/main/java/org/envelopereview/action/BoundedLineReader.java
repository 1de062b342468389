package org.envelopereview.action;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines without ever holding more than {@code maxBytes} of one line: a longer
 * line is returned as oversized with only its beginning, and the rest is skipped.
 */
public final class BoundedLineReader {

	/**
	 * Why a line whose bytes are not UTF-8 is quarantined rather than read with U+FFFD in
	 * it.
	 */
	public static final String NOT_UTF8 = "the record's bytes are not valid UTF-8 (save the file as UTF-8)";

	/** How much of an oversized line is kept, enough for the quarantine's raw text. */
	private static final int KEPT_OF_OVERSIZED = 16_000;

	private final InputStream input;

	private final int maxBytes;

	private final byte[] buffer = new byte[64 * 1024];

	private int position;

	private int limit;

	private long lineNumber;

	private byte[] line;

	public BoundedLineReader(InputStream input, int maxBytes) {
		this.input = input;
		this.maxBytes = maxBytes;
		this.line = new byte[Math.min(1024, maxBytes + 1)];
	}

	/**
	 * One line of input: its text, or its beginning when it was longer than allowed.
	 *
	 * @param utf8 whether its bytes were valid UTF-8 (otherwise the text shows U+FFFD in
	 * place of the bad bytes and must not be trusted as a value)
	 */
	public record Line(long number, String text, boolean oversized, long length, boolean utf8) {

	}

	/** The next line, or {@code null} at the end of the input. */
	public Line next() throws IOException {
		int length = 0;
		long total = 0;
		boolean sawAny = false;
		while (true) {
			if (this.position == this.limit) {
				this.limit = this.input.read(this.buffer);
				this.position = 0;
				if (this.limit <= 0) {
					this.limit = 0;
					if (!sawAny) {
						return null;
					}
					break;
				}
			}
			sawAny = true;
			// copy up to the next newline at once, not byte by byte
			int newline = indexOfNewline(this.buffer, this.position, this.limit);
			int chunkEnd = (newline >= 0) ? newline : this.limit;
			int count = chunkEnd - this.position;
			total += count;
			int kept = Math.min(count, this.maxBytes + 1 - length);
			if (kept > 0) {
				if (length + kept > this.line.length) {
					this.line = Arrays.copyOf(this.line,
							Math.min(Math.max(this.line.length * 2, length + kept), this.maxBytes + 1));
				}
				System.arraycopy(this.buffer, this.position, this.line, length, kept);
				length += kept;
			}
			this.position = chunkEnd;
			if (newline >= 0) {
				this.position++;
				break;
			}
		}
		this.lineNumber++;
		boolean oversized = total > this.maxBytes;
		int end = oversized ? Math.min(length, KEPT_OF_OVERSIZED) : length;
		if (!oversized && end > 0 && this.line[end - 1] == '\r') {
			end--;
		}
		int start = 0;
		if (this.lineNumber == 1 && end >= 3 && (this.line[0] & 0xFF) == 0xEF && (this.line[1] & 0xFF) == 0xBB
				&& (this.line[2] & 0xFF) == 0xBF) {
			start = 3;
		}
		String text;
		boolean utf8 = true;
		if (isAscii(this.line, start, end)) {
			// nearly every record: no decoder needed, and ASCII is the same in Latin-1
			return new Line(this.lineNumber, new String(this.line, start, end - start, StandardCharsets.ISO_8859_1),
					oversized, total, true);
		}
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(this.line, start, end - start))
				.toString();
		}
		catch (CharacterCodingException ex) {
			// an oversized line may end inside a character: only a whole line is judged
			utf8 = oversized;
			text = new String(this.line, start, end - start, StandardCharsets.UTF_8);
		}
		return new Line(this.lineNumber, text, oversized, total, utf8);
	}

	private static int indexOfNewline(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private static boolean isAscii(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] < 0) {
				return false;
			}
		}
		return true;
	}

}
