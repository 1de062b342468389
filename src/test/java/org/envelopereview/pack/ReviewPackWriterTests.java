package org.envelopereview.pack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.envelopereview.decision.CheckedDecision;
import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCatalogue.Control;
import org.envelopereview.finding.FindingCatalogue;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.signing.SigningProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The example pack of a known scenario, read back with PDFBox. */
class ReviewPackWriterTests {

	private static Path pack;

	private static BoardReview review;

	private static String text;

	@BeforeAll
	static void writeTheExamplePack() throws Exception {
		pack = ExamplePacks.developmentPack();
		review = ExamplePacks.developmentReview();
		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			text = new PDFTextStripper().getText(document);
		}
	}

	@Test
	void shouldShowTheBoardAndPeriod() {
		assertThat(text).contains("Payments Change Advisory Board").contains("Review period 2026-Q3");
	}

	@Test
	void shouldShowEveryFindingWithItsCodeAndExplanation() {
		String compact = compact(text);
		for (Finding finding : review.findings()) {
			assertThat(compact).as(finding.code().code() + " " + finding.explanation())
				.contains(compact(finding.code().code()))
				.contains(compact(finding.explanation()));
		}
	}

	@Test
	void shouldShowEveryDecisionSinceTheLastReviewWithWhetherItWasApplied() {
		String compact = compact(text);
		assertThat(compact).contains(compact("Decisions since the last review"))
			.contains(compact("4 decision(s) the board recorded on earlier packs, checked against the envelope files "
					+ "and the action history as of the end of 2026-Q3: 1 applied, 1 not applied by the due date "
					+ "(DEC-NOT-APPLIED), 1 not yet due, 1 deferred."));
		for (CheckedDecision check : review.decisions()) {
			assertThat(compact).as(check.recorded().decision().envelopeId())
				.contains(compact(check.status().label().toUpperCase(java.util.Locale.ROOT)))
				.contains(compact(check.detail()))
				.contains(compact(check.recorded().decision().justification()));
		}
		assertThat(compact).contains(
				compact("Retire, decided on 2026-07-09 by jmin@example.com on the 2026-Q2 pack " + "· due 2026-08-01"));
	}

	@Test
	void shouldShowTheDueDateAndTheTemplateCommandOnTheDecisionsPage() {
		String compact = compact(text);
		assertThat(compact).contains(compact("Decision due by 2026-12-31 (end of 2026-Q4)"))
			.contains(compact("envelope-review decisions template --period 2026-Q3 --board payments-cab"))
			.contains(compact("envelope-review decisions record decisions/2026-Q3/payments-cab.yaml"));
	}

	@Test
	void shouldListEachControlOnceInTheAppendix() {
		String appendix = text.substring(text.lastIndexOf("Appendix: method, control mapping, manifest"));
		for (Control control : FindingCatalogue.shipped().controls()) {
			// a reference may wrap inside its table cell
			Pattern ref = Pattern.compile(Pattern.quote(control.ref()).replace(" ", "\\E\\s+\\Q"));
			assertThat(ref.matcher(appendix).results().count()).as(control.ref()).isEqualTo(1);
		}
		assertThat(appendix).doesNotContain("EU-AI-Act").doesNotContain("ISO27001:2022");
	}

	@Test
	void shouldShowEveryFlaggedActionInTheRegister() {
		String register = text.substring(text.lastIndexOf("Out-of-scope action register"));
		review.findings()
			.stream()
			.filter((finding) -> finding.actionId() != null)
			.forEach((finding) -> assertThat(register).contains(finding.actionId()));
	}

	@Test
	void shouldShowTheManifestDigestsOfInputsAndOutputs() throws Exception {
		PackManifest manifest = ManifestJson.read(Files.readAllBytes(pack.resolveSibling("manifest.json")));
		String compact = compact(text);
		for (PackManifest.FileDigest digest : manifest.inputs()) {
			assertThat(compact).contains(digest.sha256());
		}
		for (PackManifest.FileDigest digest : manifest.outputs()) {
			assertThat(compact).contains(digest.sha256());
		}
		assertThat(compact).contains(manifest.signer().certificateSha256());
	}

	@Test
	void shouldMarkEveryPageAsSignedWithTheDevelopmentKey() throws Exception {
		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			PDFTextStripper stripper = new PDFTextStripper();
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				assertThat(stripper.getText(document)).as("page " + page)
					.contains("DEVELOPMENT KEY — NOT FOR SUBMISSION");
			}
		}
	}

	@Test
	void shouldPointEveryTableOfContentsEntryAtThePageWhereItsSectionStarts() throws Exception {
		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			String contents = pageText(document, 2);
			java.util.regex.Matcher entry = java.util.regex.Pattern.compile("(?m)^(.+?) (\\d+)$").matcher(contents);
			int entries = 0;
			while (entry.find()) {
				String title = entry.group(1).strip().replace(" (invalid file)", "");
				if (title.startsWith("Page ") || title.startsWith("Run ")) {
					continue;
				}
				int page = Integer.parseInt(entry.group(2));
				assertThat(compact(pageText(document, page))).as(title + " on page " + page).contains(compact(title));
				entries++;
			}
			assertThat(entries)
				.as("eight sections (with decisions since the last review), the two tables after the quarantine "
						+ "(not reviewed, withdrawn) and one entry per envelope")
				.isEqualTo(10 + review.envelopes().size());
		}
	}

	@Test
	void shouldCarryTheRunningHeaderAndPageNumbersOnEveryPageAfterTheCover() throws Exception {
		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			int pages = document.getNumberOfPages();
			for (int page = 2; page <= pages; page++) {
				assertThat(pageText(document, page)).as("page " + page)
					.contains("Payments Change Advisory Board")
					.contains("Envelope review 2026-Q3")
					.containsPattern("Page " + page + "\\s+of\\s+" + pages);
			}
		}
	}

	@Test
	void shouldOutlineTheSectionsAsBookmarks() throws Exception {
		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			List<String> titles = new ArrayList<>();
			document.getDocumentCatalog().getDocumentOutline().children().forEach((item) -> {
				titles.add(item.getTitle());
				item.children().forEach((child) -> titles.add("  " + child.getTitle()));
			});

			assertThat(titles).contains("Cover", "Contents", "Executive summary", "Decisions since the last review",
					"Decisions requested", "Envelopes", "  PA-FAILOVER-007 — Regional failover for the payments API",
					"Out-of-scope action register", "Audit-trail integrity", "Quarantined input",
					"Appendix: method, control mapping, manifest");
		}
	}

	@Test
	void shouldNotMarkPagesWhenSignedWithAConfiguredKey(@TempDir Path directory) throws Exception {
		Path keystore = TestKeystores.productionKeystore(directory);
		Path passwordFile = Files.writeString(directory.resolve("password"), TestKeystores.PASSWORD + "\n");
		BoardReview production = BoardReviewFixtures.paymentsReview(directory.resolve("out"));
		BoardReviewFixtures.writeFindingsFiles(production);
		SigningProperties properties = new SigningProperties(keystore, null, "UNUSED_ENV", passwordFile, null, true);

		Path signed = ExamplePacks.writer(directory.resolve("data"), properties).write(production);

		try (PDDocument document = Loader.loadPDF(signed.toFile())) {
			assertThat(new PDFTextStripper().getText(document)).doesNotContain("DEVELOPMENT KEY")
				.contains("Envelope Review Test Signer");
		}
	}

	@Test
	void shouldEmbedTheEvidenceFilesAsAssociatedFilesMatchingTheFilesBesideThePack() throws Exception {
		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			Map<String, byte[]> attachments = PackVerifier.attachments(document);

			assertThat(attachments).containsOnlyKeys("findings.json", "findings.csv", "finding-groups.json",
					"manifest.json");
			for (String name : attachments.keySet()) {
				assertThat(attachments.get(name)).as(name).isEqualTo(Files.readAllBytes(pack.resolveSibling(name)));
			}
			assertThat(PackVerifier.associatedFileNames(document)).containsExactly("findings.json", "findings.csv",
					"finding-groups.json", "manifest.json");
			COSArray associated = (COSArray) document.getDocumentCatalog()
				.getCOSObject()
				.getDictionaryObject(COSName.getPDFName("AF"));
			List<String> subtypes = new ArrayList<>();
			for (int i = 0; i < associated.size(); i++) {
				COSDictionary specification = (COSDictionary) associated.getObject(i);
				assertThat(specification.getCOSName(COSName.getPDFName("AFRelationship")).getName()).isEqualTo("Data");
				COSDictionary embedded = (COSDictionary) specification.getDictionaryObject(COSName.EF);
				COSStream file = (COSStream) embedded.getDictionaryObject(COSName.F);
				subtypes.add(file.getCOSName(COSName.SUBTYPE).getName());
				assertThat(((COSDictionary) file.getDictionaryObject(COSName.PARAMS)).getInt(COSName.SIZE))
					.isPositive();
			}
			assertThat(subtypes).containsExactly("application/json", "text/csv", "application/json",
					"application/json");
		}
	}

	@Test
	void shouldListTheDigestsOfTheOutputsInTheManifest() throws Exception {
		PackManifest manifest = ManifestJson.read(Files.readAllBytes(pack.resolveSibling("manifest.json")));

		assertThat(manifest.outputs()).extracting(PackManifest.FileDigest::name)
			.containsExactly("findings.json", "findings.csv", "finding-groups.json");
		for (PackManifest.FileDigest output : manifest.outputs()) {
			assertThat(output).isEqualTo(
					ReviewPackWriter.digest(output.name(), Files.readAllBytes(pack.resolveSibling(output.name()))));
		}
		assertThat(manifest.board()).isEqualTo("payments-cab");
		assertThat(manifest.period().label()).isEqualTo("2026-Q3");
		assertThat(manifest.run()).isEqualTo(new PackManifest.Run(42, 1));
		assertThat(manifest.signer().developmentKey()).isTrue();
		assertThat(manifest.inputs()).hasSize(review.inputs().size());
	}

	@Test
	void shouldWriteTheSameManifestForTheSameInputsAndReuseTheDevelopmentKey(@TempDir Path directory) throws Exception {
		BoardReview again = BoardReviewFixtures.paymentsReview(directory.resolve("out"));
		BoardReviewFixtures.writeFindingsFiles(again);
		Path dataDir = pack.getParent().getParent().getParent().getParent().resolve("data");

		Path second = ExamplePacks.writer(dataDir, SigningProperties.developmentDefaults()).write(again);

		assertThat(second.resolveSibling("manifest.json")).hasSameBinaryContentAs(pack.resolveSibling("manifest.json"));
	}

	@Test
	void shouldSignWithTheReviewReasonAndEmbedEveryFontOnEveryPage() throws Exception {
		try (PDDocument document = Loader.loadPDF(pack.toFile())) {
			PDSignature signature = document.getLastSignatureDictionary();
			assertThat(signature.getReason()).isEqualTo("Periodic envelope review 2026-Q3");
			assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				}
			}
		}
	}

	@Test
	void shouldRefuseToWriteAPackWhenTheReviewJobHasNotWrittenTheFindingsFiles(@TempDir Path directory) {
		BoardReview incomplete = BoardReviewFixtures.paymentsReview(directory.resolve("out"));

		assertThatIllegalStateException()
			.isThrownBy(() -> ExamplePacks.writer(directory.resolve("data"), SigningProperties.developmentDefaults())
				.write(incomplete))
			.withMessageContaining("findings.json is missing");
		assertThat(directory.resolve("out").resolve("review-pack.pdf")).doesNotExist();
	}

	private static String pageText(PDDocument document, int page) throws java.io.IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(document);
	}

	private static String compact(String value) {
		return value.replaceAll("\\s+", "");
	}

}
