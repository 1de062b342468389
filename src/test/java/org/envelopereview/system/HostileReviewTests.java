package org.envelopereview.system;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.envelopereview.support.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text through the whole product (ingest, review, pack, verify) in a child JVM:
 * formula strings, SQL metacharacters, right-to-left script, emoji and a 4,000-character
 * rationale are carried into findings and the pack as data; lines with NUL, escape and
 * bidi-override characters are quarantined and shown escaped in the pack's quarantine
 * section. Nothing crashes, the pack verifies, and findings.csv runs no formula.
 */
@SlowTest
class HostileReviewTests {

	@TempDir
	Path workDir;

	@Test
	void shouldCarryHostileTextIntoAVerifiablePackAsInertData() throws Exception {
		ByteArrayOutputStream history = new ByteArrayOutputStream();
		List<String> resources = List.of("=cmd|' /C calc'!A0", "+SUM(1+1)", "@SUM(A1)", "-2+3",
				"x'); DROP TABLE review_finding; --", "שער-תשלומים", "sg-🚀", "<b>bold</b>&amp;");
		for (int i = 0; i < resources.size(); i++) {
			line(history,
					String.format("{\"id\":\"h-%d\",\"occurredAt\":\"2026-07-0%dT10:00:00Z\",\"agent\":\"agent-%d\","
							+ "\"type\":\"security_group.ingress.add\",\"resource\":%s,\"region\":\"eu-west-1\","
							+ "\"protocol\":\"tcp\",\"ports\":\"22\",\"cidr\":\"0.0.0.0/0\","
							+ "\"rationale\":{\"signal\":\"s\",\"text\":\"%s\",\"confidence\":0.9}}", i, 1 + i, i,
							quoted(resources.get(i)), (i == 0) ? "r".repeat(3990) : "مرحبا بالعالم"));
		}
		line(history, "{\"id\":\"q-1\",\"occurredAt\":\"2026-07-02T10:00:00Z\",\"agent\":\"a\\u0000\"}");
		line(history, "{\"id\":\"q-2\u0000\",\"occurredAt\":\"2026-07-02T10:00:00Z\"}");
		line(history, "{\"id\":\"q-3\u202Egnp.exe\",\"occurredAt\":\"2026-07-02T10:00:00Z\",\"agent\":\"\u001b[2J\"}");
		Path file = this.workDir.resolve("hostile.jsonl");
		Files.write(file, history.toByteArray());
		ReviewProcess product = ReviewProcess.onH2File(this.workDir);

		ReviewProcess.Result ingest = product.run("ingest", file.toString());
		ReviewProcess.Result run = product.run("run", "--period", "2026-Q3");
		Path board = product.outputDir().resolve("2026-Q3").resolve("network-security");
		ReviewProcess.Result verify = product.run("verify", board.resolve("review-pack.pdf").toString());

		assertThat(ingest.exitCode()).as(ingest.output()).isZero();
		assertThat(ingest.output()).contains("stored 8", "quarantined 3");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(verify.exitCode()).as(verify.output()).isZero();
		String csv = Files.readString(board.resolve("findings.csv"));
		assertThat(csv).contains("=cmd|' /C calc'!A0", "+SUM(1+1)", "@SUM(A1)");
		List<List<String>> rows = new java.util.ArrayList<>();
		try (tools.jackson.databind.MappingIterator<List<String>> it = tools.jackson.dataformat.csv.CsvMapper.builder()
			.build()
			.readerForListOf(String.class)
			.with(tools.jackson.dataformat.csv.CsvReadFeature.WRAP_AS_ARRAY)
			.readValues(csv)) {
			it.forEachRemaining(rows::add);
		}
		assertThat(rows).hasSizeGreaterThan(resources.size())
			.allSatisfy((row) -> assertThat(row).allSatisfy((cell) -> assertThat(cell).doesNotStartWith("=")
				.doesNotStartWith("+")
				.doesNotStartWith("-")
				.doesNotStartWith("@")));
		String findings = Files.readString(board.resolve("findings.json"));
		assertThat(findings).contains("x'); DROP TABLE review_finding; --", "שער-תשלומים", "sg-🚀");
		String text;
		try (PDDocument pdf = Loader.loadPDF(board.resolve("review-pack.pdf").toFile())) {
			text = new PDFTextStripper().getText(pdf);
		}
		assertThat(text).contains("DROP TABLE review_finding", "<b>bold</b>&amp;", "\\u0000", "\\u202E")
			.doesNotContain("\u0000", "\u202E", "\u001b");
		assertThat(text.codePoints().filter((c) -> c >= 0x05D0 && c <= 0x05EA).count()).as("Hebrew letters shown")
			.isPositive();
		System.out.println("HOSTILE-INPUT whole product (ingest, review, pack, verify): " + (resources.size() + 3)
				+ " hostile records, 1 verified pack");
	}

	private static String quoted(String value) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
	}

	private static void line(ByteArrayOutputStream out, String line) {
		out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
	}

}
