package org.envelopereview.pack;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.envelopereview.finding.Finding;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.signing.VerificationCheck;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register annex (SPEC §9): with {@code review.pack.register-annex=true} every
 * finding is printed in register.pdf beside the pack, signed, listed in the pack's
 * manifest and checked by verify; off by default.
 */
class RegisterAnnexTests {

	@Test
	void shouldPrintEveryFindingInASignedAnnexListedInTheManifestAndVerifiedWithThePack() throws Exception {
		Path pack = ExamplePacks.annexPack();
		Path annex = pack.resolveSibling("register.pdf");
		BoardReview review = BoardReviewFixtures.paymentsReview(pack.getParent());

		PackManifest manifest = ManifestJson.read(Files.readAllBytes(pack.resolveSibling("manifest.json")));
		assertThat(manifest.outputs()).extracting(PackManifest.FileDigest::name)
			.containsExactly("findings.json", "findings.csv", "finding-groups.json", "register.pdf");
		assertThat(manifest.outputs().get(3)).isEqualTo(ReviewPackWriter.digest("register.pdf", annex));
		try (PDDocument document = Loader.loadPDF(annex.toFile())) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("DEVELOPMENT KEY — NOT FOR SUBMISSION");
			for (Finding finding : review.findings()) {
				String explanation = finding.explanation().replaceAll("\\s+", " ");
				assertThat(text).contains(explanation.substring(0, Math.min(40, explanation.length())));
			}
		}
		PackVerification verification = new PackVerifier().verify(pack, null);
		assertThat(verification.passed()).as(verification.failures().toString()).isTrue();
		assertThat(verification.checks()).extracting(VerificationCheck::name).contains("annex");
		PackVerification annexAlone = new PackVerifier().verify(annex, null);
		assertThat(annexAlone.passed()).as(annexAlone.failures().toString()).isTrue();
	}

	@Test
	void shouldFailThePacksVerificationWhenTheAnnexBesideItWasAltered(@TempDir Path directory) throws Exception {
		Path pack = ExamplePacks.annexPack();
		Path copy = Files.copy(pack, directory.resolve("review-pack.pdf"));
		byte[] annex = Files.readAllBytes(pack.resolveSibling("register.pdf"));
		annex[annex.length / 2] ^= 1;
		Files.write(directory.resolve("register.pdf"), annex);

		PackVerification verification = new PackVerifier().verify(copy, null);

		assertThat(verification.passed()).isFalse();
		assertThat(verification.failures()).extracting(VerificationCheck::name).containsExactly("annex");
		assertThat(verification.failures().get(0).detail()).contains("register.pdf has SHA-256");
	}

	@Test
	void shouldFailThePacksVerificationWhenTheAnnexIsMissing(@TempDir Path directory) throws Exception {
		Path copy = Files.copy(ExamplePacks.annexPack(), directory.resolve("review-pack.pdf"));

		PackVerification verification = new PackVerifier().verify(copy, null);

		assertThat(verification.failures()).extracting(VerificationCheck::name).containsExactly("annex");
		assertThat(verification.failures().get(0).detail()).contains("register.pdf").contains("missing");
	}

	@Test
	void shouldWriteNoAnnexByDefault() throws Exception {
		Path pack = ExamplePacks.developmentPack();

		PackManifest manifest = ManifestJson.read(Files.readAllBytes(pack.resolveSibling("manifest.json")));

		assertThat(pack.resolveSibling("register.pdf")).doesNotExist();
		assertThat(manifest.outputs()).extracting(PackManifest.FileDigest::name).doesNotContain("register.pdf");
	}

}
