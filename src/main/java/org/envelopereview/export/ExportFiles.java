package org.envelopereview.export;

import java.util.List;

/**
 * The export files written beside each pack, in the order the pack attaches them.
 */
public final class ExportFiles {

	public static final String OSCAL_ASSESSMENT_RESULTS = "oscal-assessment-results.json";

	public static final String OSCAL_POAM = "oscal-poam.json";

	public static final String OCSF_FINDINGS = "ocsf-findings.jsonl";

	/** Every export, with what the pack says of it when it attaches it. */
	public static final List<ExportFile> ALL = List.of(
			new ExportFile(OSCAL_ASSESSMENT_RESULTS, "application/oscal+json",
					"OSCAL 1.1.2 assessment results: observations and findings per control"),
			new ExportFile(OSCAL_POAM, "application/oscal+json",
					"OSCAL 1.1.2 plan of action and milestones: revise/retire decisions, unreverted actions"),
			new ExportFile(OCSF_FINDINGS, "application/x-ndjson",
					"OCSF " + OcsfFindings.OCSF_VERSION + " Compliance and Detection Findings, JSON Lines"));

	private ExportFiles() {
	}

	/** One export file: its name beside the pack, its media type and what it holds. */
	public record ExportFile(String name, String mediaType, String description) {
	}

}
