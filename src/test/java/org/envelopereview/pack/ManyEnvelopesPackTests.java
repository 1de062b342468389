package org.envelopereview.pack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.review.output.BoardReview;
import org.envelopereview.review.output.BoardReview.EnvelopeReview;
import org.envelopereview.signing.SigningProperties;
import org.envelopereview.support.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A board with hundreds of envelopes gets a pack it can read (SPEC §9): full sections for
 * the ten that most need its attention, one table that lists them all, decisions and
 * recommendations grouped, a few input digests on the cover, and everything else in the
 * attachments, which the pack names. Both packs are kept under
 * {@code target/example-packs/} for a look with pdftoppm.
 */
@SlowTest
class ManyEnvelopesPackTests {

	private static final int ENVELOPES = 300;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void shouldKeepAThreeHundredEnvelopeBoardWithinSixtyPagesAndListEveryEnvelope() throws Exception {
		BoardReview review = ManyEnvelopes.review(root("many-envelopes").resolve("out/2026-Q3/payments-cab"),
				ENVELOPES);
		ManyEnvelopes.writeFindingsFiles(review);

		Path pack = ExamplePacks.writer(root("many-envelopes").resolve("data"), SigningProperties.developmentDefaults())
			.write(review);

		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			assertThat(document.getNumberOfPages()).isLessThanOrEqualTo(60);
			Map<String, Integer> starts = sectionStarts(document);
			assertThat(starts.get("Executive summary")).as("cover and contents take a page each").isEqualTo(2);
			List<String> sections = starts.keySet()
				.stream()
				.filter((title) -> title.startsWith("BENCH-"))
				.sorted(java.util.Comparator.comparing(starts::get))
				.toList();
			assertThat(sections).hasSize(EnvelopeBudget.SECTIONS);
			assertThat(sections.get(0)).as("most in need of attention").startsWith("BENCH-00107 ");
			for (int i = 0; i < sections.size(); i++) {
				int next = (i + 1 < sections.size()) ? starts.get(sections.get(i + 1)) : starts.get("All envelopes");
				assertThat(next - starts.get(sections.get(i))).as(sections.get(i)).isLessThanOrEqualTo(3);
			}
			String table = compact(
					text(document, starts.get("All envelopes"), starts.get("Out-of-scope action register") - 1));
			for (EnvelopeReview envelope : review.envelopes()) {
				assertThat(table).as(envelope.envelopeId()).contains(envelope.envelopeId());
			}
			assertThat(table).contains(compact("for the other 290, what a section shows is in the files attached"))
				.contains(compact("in findings.json (envelopes[])"));
			String cover = compact(text(document, 0, 0));
			assertThat(cover).contains(compact("envelopes/bench-00107.yaml"))
				.contains(compact("and 895 more envelope files — every digest is in manifest.json (attached"));
			String decisions = compact(text(document, starts.get("Decisions requested"), starts.get("Envelopes") - 1));
			assertThat(starts.get("Envelopes") - starts.get("Decisions requested")).isLessThanOrEqualTo(7);
			assertThat(decisions).contains(compact("the other 290 in groups with the same reasons"))
				.contains(compact("One answer below covers all of them"))
				.contains(compact("each one's proposal is in findings.json (envelopes[])"));
			String all = compact(new PDFTextStripper().getText(document));
			assertThat(all).contains(compact("The detail of the other 290 is in the files attached to this pack"));
			String appendix = compact(text(document, starts.get("Appendix: method, control mapping, manifest"),
					document.getNumberOfPages() - 1));
			assertThat(appendix).contains(compact("and 895 more envelope files"));

			Map<String, byte[]> attachments = PackVerifier.attachments(document);
			JsonNode findings = JSON.readTree(attachments.get("findings.json"));
			assertThat(findings.get("findings").size()).isEqualTo(review.findings().size());
			Set<String> recommended = new java.util.HashSet<>();
			for (JsonNode envelope : findings.get("envelopes")) {
				assertThat(envelope.get("recommendation").get("outcome").asString()).isEqualTo("narrow");
				recommended.add(envelope.get("envelope").asString());
			}
			assertThat(recommended).hasSize(ENVELOPES)
				.containsAll(review.envelopes().stream().map(EnvelopeReview::envelopeId).toList());
			JsonNode groups = JSON.readTree(attachments.get("finding-groups.json"));
			assertThat(groups.get("findings").asLong()).isEqualTo(review.findings().size());
			assertThat(JSON.readTree(attachments.get("manifest.json")).get("inputs").size())
				.isEqualTo(review.inputs().size());
		}
		assertThat(new PackVerifier().verify(pack, null).passed()).isTrue();
	}

	@Test
	void shouldGiveEveryEnvelopeASectionWhenThereAreNoMoreThanTheSectionLimit() throws Exception {
		BoardReview review = ManyEnvelopes.review(root("section-limit").resolve("out/2026-Q3/payments-cab"),
				EnvelopeBudget.SECTIONS);
		ManyEnvelopes.writeFindingsFiles(review);

		Path pack = ExamplePacks.writer(root("section-limit").resolve("data"), SigningProperties.developmentDefaults())
			.write(review);

		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			Map<String, Integer> starts = sectionStarts(document);
			List<String> sections = starts.keySet().stream().filter((title) -> title.startsWith("BENCH-")).toList();
			assertThat(sections).hasSize(EnvelopeBudget.SECTIONS);
			assertThat(starts.get("BENCH-00001 — Benchmark envelope 1 for the payments edge"))
				.as("in the board's order")
				.isEqualTo(starts.get("Envelopes"));
			assertThat(starts).doesNotContainKey("All envelopes");
			String text = compact(new PDFTextStripper().getText(document));
			assertThat(text).doesNotContain(compact("All envelopes"))
				.doesNotContain(compact("more envelopes not listed"))
				.doesNotContain(compact("in groups with the same reasons"));
			assertThat(occurrences(text, compact("Decision due by"))).isEqualTo(EnvelopeBudget.SECTIONS);
		}
	}

	private static String compact(String value) {
		return value.replaceAll("\\s+", "");
	}

	private static int occurrences(String text, String value) {
		int count = 0;
		for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
			count++;
		}
		return count;
	}

	private static Path root(String name) throws java.io.IOException {
		return Files.createDirectories(Path.of("target", "example-packs", name));
	}

	private static String text(PDDocument document, int firstPage, int lastPage) throws java.io.IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(firstPage + 1);
		stripper.setEndPage(lastPage + 1);
		return stripper.getText(document);
	}

	/** Each bookmark's title and the 0-based page it points at. */
	static Map<String, Integer> sectionStarts(PDDocument document) throws java.io.IOException {
		Map<String, Integer> starts = new HashMap<>();
		List<PDOutlineItem> items = new ArrayList<>();
		document.getDocumentCatalog().getDocumentOutline().children().forEach(items::add);
		for (int i = 0; i < items.size(); i++) {
			PDOutlineItem item = items.get(i);
			item.children().forEach(items::add);
			if (item.findDestinationPage(document) != null) {
				starts.put(item.getTitle(), document.getPages().indexOf(item.findDestinationPage(document)));
			}
		}
		return starts;
	}

}
