package org.envelopereview.pack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.review.output.BoardReview;
import org.envelopereview.signing.SigningProperties;
import org.envelopereview.support.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A board with fifty thousand findings gets a pack it can read (SPEC §9): grouped, within
 * the page budget, every finding still in the attachments.
 */
@SlowTest
class LargePackTests {

	private static final int FINDINGS = 50_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void shouldRenderAFiftyThousandFindingBoardWithinThePageBudgetAndAttachEveryFinding(@TempDir Path directory)
			throws Exception {
		BoardReview small = BoardReviewFixtures.paymentsReview(directory.resolve("out"));
		BoardReview large = new BoardReview(small.board(), small.receivesUnassigned(), small.period(), small.runId(),
				small.runNumber(), small.envelopes(), ManyFindings.of(FINDINGS), small.quarantined(), small.integrity(),
				small.inputs(), small.outputDir());
		BoardReviewFixtures.writeFindingsFiles(large);

		Path pack = ExamplePacks.writer(directory.resolve("data"), SigningProperties.developmentDefaults())
			.write(large);

		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			assertThat(document.getNumberOfPages()).isLessThanOrEqualTo(60);
			Map<String, Integer> starts = sectionStarts(document);
			List<String> envelopes = large.envelopes().stream().map(BoardReview.EnvelopeReview::envelopeId).toList();
			for (int i = 0; i < envelopes.size(); i++) {
				String envelope = envelopes.get(i);
				int start = page(starts, envelope);
				int next = (i + 1 < envelopes.size()) ? page(starts, envelopes.get(i + 1))
						: starts.get("Out-of-scope action register");
				assertThat(next - start).as("pages of " + envelope).isLessThanOrEqualTo(3);
			}
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("more groups").contains("see finding-groups.json / findings.json");
			Map<String, byte[]> attachments = PackVerifier.attachments(document);
			assertThat(JSON.readTree(attachments.get("findings.json")).size()).isEqualTo(FINDINGS);
			JsonNode groups = JSON.readTree(attachments.get("finding-groups.json"));
			assertThat(groups.get("findings").asLong()).isEqualTo(FINDINGS);
			long sum = 0;
			for (JsonNode group : groups.get("groups")) {
				sum += group.get("count").asLong();
			}
			assertThat(sum).isEqualTo(FINDINGS);
		}
		assertThat(new PackVerifier().verify(pack, null).passed()).isTrue();
	}

	private static int page(Map<String, Integer> starts, String envelopeId) {
		return starts.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(envelopeId + " "))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	/** Each bookmark's title and the 0-based page it points at. */
	private static Map<String, Integer> sectionStarts(PDDocument document) throws Exception {
		Map<String, Integer> starts = new java.util.HashMap<>();
		List<PDOutlineItem> items = new ArrayList<>();
		document.getDocumentCatalog().getDocumentOutline().children().forEach(items::add);
		for (int i = 0; i < items.size(); i++) {
			PDOutlineItem item = items.get(i);
			item.children().forEach(items::add);
			if (item.getDestination() instanceof PDPageDestination destination) {
				starts.put(item.getTitle(), destination.retrievePageNumber());
			}
			else if (item.findDestinationPage(document) != null) {
				starts.put(item.getTitle(), document.getPages().indexOf(item.findDestinationPage(document)));
			}
		}
		return starts;
	}

}
