package org.envelopereview.pack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import org.envelopereview.export.ExportFiles;
import org.envelopereview.period.Period;
import org.envelopereview.review.ReviewLauncher;
import org.envelopereview.review.ReviewOutcome;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.signing.VerificationCheck;
import org.envelopereview.support.PackIntegrationTest;
import org.envelopereview.support.TestOutput;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.ActionBuilder.action;

/**
 * A review's pack carries its OSCAL and OCSF exports (SPEC §10): attached as PDF/A-3
 * associated files, listed in the signed manifest, checked by {@code verify}.
 */
@PackIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackExportsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Jdbi jdbi;

	@Autowired
	PackVerifier verifier;

	Path pack;

	@BeforeAll
	void reviewWithPacks() {
		Path output = TestOutput.emptied(this.context);
		ActionTable.clear(this.jdbi);
		ActionTable.insert(this.jdbi, List.of(action().id("p-1").at("2026-07-04T10:00:00Z").cidr("0.0.0.0/0").build(),
				action().id("p-2").at("2026-08-04T10:00:00Z").revertBy("2026-08-04T10:20:00Z").build()));
		ReviewOutcome outcome = this.context.getBean(ReviewLauncher.class)
			.run(Period.quarter("2026-Q3"), "payments-cab", false);
		assertThat(outcome.completed()).isTrue();
		this.pack = output.resolve("2026-Q3").resolve("payments-cab").resolve(ReviewPackWriter.PACK);
	}

	@Test
	void shouldAttachEveryExportAsTheFileBesideThePack() throws Exception {
		try (PDDocument document = Loader.loadPDF(this.pack.toFile())) {
			Map<String, byte[]> attachments = PackVerifier.attachments(document);

			assertThat(PackVerifier.associatedFileNames(document)).containsExactly("findings.json", "findings.csv",
					ReviewPackWriter.FINDING_GROUPS_JSON, ExportFiles.OSCAL_ASSESSMENT_RESULTS, ExportFiles.OSCAL_POAM,
					ExportFiles.OCSF_FINDINGS, "manifest.json");
			for (ExportFiles.ExportFile file : ExportFiles.ALL) {
				assertThat(attachments.get(file.name())).as(file.name())
					.isEqualTo(Files.readAllBytes(this.pack.resolveSibling(file.name())));
			}
		}
	}

	@Test
	void shouldListTheExportsWithTheirDigestsInTheManifest() throws Exception {
		PackManifest manifest = ManifestJson.read(Files.readAllBytes(this.pack.resolveSibling("manifest.json")));

		assertThat(manifest.outputs()).extracting(PackManifest.FileDigest::name)
			.containsExactly("findings.json", "findings.csv", ReviewPackWriter.FINDING_GROUPS_JSON,
					ExportFiles.OSCAL_ASSESSMENT_RESULTS, ExportFiles.OSCAL_POAM, ExportFiles.OCSF_FINDINGS);
		for (PackManifest.FileDigest output : manifest.outputs()) {
			assertThat(output).isEqualTo(ReviewPackWriter.digest(output.name(),
					Files.readAllBytes(this.pack.resolveSibling(output.name()))));
		}
	}

	@Test
	void shouldPassVerifyWithTheExportsChecked() {
		PackVerification verification = this.verifier.verify(this.pack, null);

		assertThat(verification.failures()).isEmpty();
		assertThat(verification.checks()).filteredOn((check) -> check.name().equals("exports"))
			.singleElement()
			.satisfies((check) -> assertThat(check.outcome()).isEqualTo(VerificationCheck.Outcome.PASS));
	}

	@Test
	void shouldStayPdfA3bWithTheExportsAttached() throws Exception {
		ValidationResult result = PackValidatorsTests.VeraPdf.validate(this.pack);

		assertThat(result.getTestAssertions()
			.stream()
			.filter((assertion) -> assertion.getStatus() == TestAssertion.Status.FAILED)
			.map((assertion) -> assertion.getRuleId().getClause() + " " + assertion.getMessage())
			.distinct()).isEmpty();
		assertThat(result.getPDFAFlavour()).isEqualTo(PDFAFlavour.PDFA_3_B);
	}

}
