package org.envelopereview.export;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.system.Sha256;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.export.ExportFixtures.Q3;
import static org.envelopereview.export.ExportFixtures.envelopeFinding;

/**
 * What {@code verify} checks of the exports embedded in a pack: each well-formed, and the
 * files the OSCAL documents cite embedded with the SHA-256 they cite.
 */
class ExportChecksTests {

	static final byte[] FINDINGS_JSON = "{\"findings\":[]}\n".getBytes(StandardCharsets.UTF_8);

	static final byte[] FINDINGS_CSV = "code\n".getBytes(StandardCharsets.UTF_8);

	/** The attachments of a pack whose exports cite these findings files. */
	static Map<String, byte[]> attachments(byte[] citedJson) {
		List<StoredFinding> findings = List.of(envelopeFinding(FindingCode.ENV_DORMANT, "PA-FAILOVER-007"));
		BoardExport export = new BoardExport(ExportFixtures.BOARD, "Payments", Q3, "0.1.0", findings, null, List.of(),
				List.of(), java.time.LocalDate.parse("2026-10-31"),
				List.of(new BoardExport.Evidence("findings.json", "application/json", Sha256.hex(citedJson), "all"),
						new BoardExport.Evidence("findings.csv", "text/csv", Sha256.hex(FINDINGS_CSV), "all")));
		Map<String, byte[]> attachments = new LinkedHashMap<>();
		attachments.put("findings.json", FINDINGS_JSON);
		attachments.put("findings.csv", FINDINGS_CSV);
		attachments.put(ExportFiles.OSCAL_ASSESSMENT_RESULTS,
				OscalAssessmentResults.write(export, ObservationGroup.of(findings)));
		attachments.put(ExportFiles.OCSF_FINDINGS, OcsfFindings.write(export));
		return attachments;
	}

	@Test
	void shouldFindNothingWrongWhenTheCitedFilesAreEmbeddedWithTheirDigests() {
		Map<String, byte[]> attachments = attachments(FINDINGS_JSON);

		assertThat(ExportChecks.present(attachments)).isTrue();
		assertThat(ExportChecks.problems(attachments)).isEmpty();
	}

	@Test
	void shouldSayWhichFileTheOscalDocumentCitesWithAnotherDigest() {
		Map<String, byte[]> attachments = attachments("{\"findings\":[1]}\n".getBytes(StandardCharsets.UTF_8));

		assertThat(ExportChecks.problems(attachments)).singleElement()
			.asString()
			.contains("oscal-assessment-results.json cites findings.json with SHA-256")
			.contains("but the embedded findings.json has " + Sha256.hex(FINDINGS_JSON));
	}

	@Test
	void shouldSayWhenACitedFileIsNotEmbedded() {
		Map<String, byte[]> attachments = attachments(FINDINGS_JSON);
		attachments.remove("findings.csv");

		assertThat(ExportChecks.problems(attachments))
			.containsExactly("oscal-assessment-results.json cites findings.csv, which is not embedded");
	}

	@Test
	void shouldNameTheOcsfLineThatIsNotAnOcsfFinding() {
		Map<String, byte[]> attachments = attachments(FINDINGS_JSON);
		attachments.put(ExportFiles.OCSF_FINDINGS, (new String(attachments.get(ExportFiles.OCSF_FINDINGS),
				StandardCharsets.UTF_8)
				+ "{\"class_uid\":3002,\"activity_id\":1,\"type_uid\":300201,\"metadata\":{\"version\":\"1.3.0\"}}\nnot json\n")
			.getBytes(StandardCharsets.UTF_8));

		assertThat(ExportChecks.problems(attachments)).hasSize(2)
			.anySatisfy((problem) -> assertThat(problem)
				.startsWith("ocsf-findings.jsonl line 2 has class_uid 3002, not a Compliance or Detection Finding"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("ocsf-findings.jsonl line 3 is not JSON"));
	}

	@Test
	void shouldFindNoExportsInAPackMadeBeforeThem() {
		Map<String, byte[]> attachments = Map.of("findings.json", FINDINGS_JSON, "findings.csv", FINDINGS_CSV);

		assertThat(ExportChecks.present(attachments)).isFalse();
		assertThat(ExportChecks.problems(attachments)).isEmpty();
	}

}
