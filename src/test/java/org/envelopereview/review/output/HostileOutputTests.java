package org.envelopereview.review.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.Severity;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.review.run.RunInputs;
import org.envelopereview.system.ReviewPaths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Property-style tests of what the outputs make of hostile values (seeded, counts printed
 * for SECURITY.md): findings.csv never holds a cell a spreadsheet would run as a formula
 * and loses nothing else; crafted board ids never lead a file outside the output
 * directory.
 */
class HostileOutputTests {

	private static final int CASES = 1000;

	private static final Map<String, Integer> TRIED = new TreeMap<>();

	private static final List<String> NASTY = List.of("=cmd|' /C calc'!A0", "+SUM(1+1)", "-2+3", "@SUM(A1)", "\t=1+1",
			"\r=1+1", "=HYPERLINK(\"http://evil.example\",\"x\")", "a,b", "\"quoted\"", "line\nbreak",
			"'; DROP TABLE review_finding; --", "שלום", "", "plain");

	private static final String FORMULA_START = "=+-@\t\r";

	@TempDir
	Path out;

	@AfterAll
	static void printCounts() {
		TRIED.forEach((property, count) -> System.out.println("HOSTILE-INPUT " + property + ": " + count + " inputs"));
	}

	@Test
	void shouldDefuseEveryFormulaCellOfFindingsCsvAndKeepEveryOtherValue() {
		Random random = new Random(20260720L);
		CsvMapper csv = CsvMapper.builder().build();
		for (int i = 0; i < CASES; i++) {
			List<StoredFinding> findings = new ArrayList<>();
			int count = 1 + random.nextInt(4);
			for (int f = 0; f < count; f++) {
				findings.add(finding(random, i, f));
			}

			String rendered = FindingsCsv.render(findings);

			List<List<String>> rows = new ArrayList<>();
			try (MappingIterator<List<String>> it = csv.readerForListOf(String.class)
				.with(CsvReadFeature.WRAP_AS_ARRAY)
				.readValues(rendered)) {
				it.forEachRemaining(rows::add);
			}
			assertThat(rows).as("case %d", i).hasSize(count + 1);
			for (int f = 0; f < count; f++) {
				Finding finding = findings.get(f).finding();
				List<String> cells = rows.get(f + 1);
				assertThat(cells).as("case %d", i)
					.allSatisfy((cell) -> assertThat(cell.isEmpty() || FORMULA_START.indexOf(cell.charAt(0)) < 0)
						.as("cell %s", cell)
						.isTrue());
				assertThat(undefused(cells.get(5))).isEqualTo((finding.actionId() != null) ? finding.actionId() : "");
				assertThat(undefused(cells.get(6))).isEqualTo(finding.explanation());
			}
		}
		TRIED.merge("findings.csv hostile cells", CASES, Integer::sum);
	}

	@Test
	void shouldNeverResolveACraftedBoardIdOutsideTheOutputDirectory() throws IOException {
		Random random = new Random(20260721L);
		ReviewOutputs outputs = new ReviewOutputs(
				new ReviewPaths(Path.of("envelopes"), this.out.resolve("out"), Path.of("data")));
		Path root = this.out.resolve("out").toAbsolutePath().normalize();
		List<String> parts = List.of("..", ".", "/", "\\", "etc", "passwd", "%2e%2e", "\u2025", "．．", "\u0000", "~",
				"C:", "payments-cab", "a", "-", "_");
		int refused = 0;
		for (int i = 0; i < CASES; i++) {
			StringBuilder id = new StringBuilder();
			int length = 1 + random.nextInt(6);
			for (int p = 0; p < length; p++) {
				id.append(parts.get(random.nextInt(parts.size())));
			}
			try {
				Path dir = outputs.boardDir(Fixtures.Q3, id.toString());
				assertThat(dir.normalize()).as("'%s'", id).startsWithRaw(root.resolve("2026-Q3"));
				assertThat(dir.getFileName().toString()).as("'%s'", id).isEqualTo(id.toString());
			}
			catch (IllegalArgumentException ex) {
				refused++;
				assertThat(ex.getMessage()).as("'%s'", id).contains("cannot name an output directory");
			}
		}
		assertThatIllegalArgumentException().isThrownBy(() -> outputs.write(run(), "../../outside", false, List.of()));
		try (Stream<Path> written = Files.walk(this.out)) {
			assertThat(written.filter(Files::isRegularFile)).as("nothing written anywhere").isEmpty();
		}
		TRIED.merge("crafted board ids for output paths", CASES, Integer::sum);
		TRIED.merge("crafted board ids for output paths (refused)", refused, Integer::sum);
	}

	private static RunInputs run() {
		EnvelopeCatalog catalog = new EnvelopeCatalog(Fixtures.directory(), List.of(), List.of(), List.of());
		return new RunInputs(11, 1, Fixtures.Q3, null, catalog, Path.of("envelopes"));
	}

	private static String undefused(String cell) {
		return (cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_START.indexOf(cell.charAt(1)) >= 0)
				? cell.substring(1) : cell;
	}

	private static StoredFinding finding(Random random, int i, int f) {
		String action = (random.nextBoolean()) ? nasty(random) + i + "-" + f : null;
		String explanation = nasty(random) + " opened " + nasty(random);
		TreeMap<String, String> evidence = new TreeMap<>(Map.of("resource", nasty(random)));
		Finding finding = new Finding(FindingCode.values()[random.nextInt(FindingCode.values().length)],
				Severity.values()[random.nextInt(Severity.values().length)], "payments-cab", false, null, action,
				explanation, evidence, List.of());
		return new StoredFinding(nasty(random) + "|" + i + "|" + f, finding);
	}

	private static String nasty(Random random) {
		return NASTY.get(random.nextInt(NASTY.size()));
	}

}
