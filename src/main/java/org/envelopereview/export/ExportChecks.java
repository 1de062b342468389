package org.envelopereview.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.system.Sha256;

/**
 * What {@code verify} checks of the exports embedded in a pack: each parses as what it
 * claims to be, and every file the OSCAL documents cite by SHA-256 is embedded with that
 * digest. That the embedded files match the manifest is checked with every attachment.
 */
public final class ExportChecks {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private ExportChecks() {
	}

	/** Whether any of the attachments is an export. */
	public static boolean present(Map<String, byte[]> attachments) {
		return ExportFiles.ALL.stream().anyMatch((file) -> attachments.containsKey(file.name()));
	}

	/**
	 * @param attachments the pack's embedded files by name
	 * @return what is wrong, one sentence each; empty when the exports hold together
	 */
	public static List<String> problems(Map<String, byte[]> attachments) {
		List<String> problems = new ArrayList<>();
		oscal(attachments, ExportFiles.OSCAL_ASSESSMENT_RESULTS, "assessment-results", problems);
		oscal(attachments, ExportFiles.OSCAL_POAM, "plan-of-action-and-milestones", problems);
		ocsf(attachments, problems);
		if (attachments.containsKey(ExportFiles.OCSF_FINDINGS)
				&& !attachments.containsKey(ExportFiles.OSCAL_ASSESSMENT_RESULTS)) {
			problems.add(ExportFiles.OSCAL_ASSESSMENT_RESULTS + " is missing beside " + ExportFiles.OCSF_FINDINGS);
		}
		return problems;
	}

	private static void oscal(Map<String, byte[]> attachments, String name, String root, List<String> problems) {
		byte[] content = attachments.get(name);
		if (content == null) {
			return;
		}
		JsonNode document;
		try {
			document = JSON.readTree(content).path(root);
		}
		catch (JacksonException ex) {
			problems.add(name + " is not JSON: " + ex.getOriginalMessage());
			return;
		}
		if (!document.isObject()) {
			problems.add(name + " has no " + root + " document");
			return;
		}
		String version = document.path("metadata").path("oscal-version").asString("");
		if (!Oscal.OSCAL_VERSION.equals(version)) {
			problems.add(name + " says OSCAL version '" + version + "', not " + Oscal.OSCAL_VERSION);
		}
		for (JsonNode resource : document.path("back-matter").path("resources")) {
			for (JsonNode rlink : resource.path("rlinks")) {
				String href = rlink.path("href").asString("");
				if (Oscal.CATALOGUE.equals(href)) {
					continue;
				}
				byte[] cited = attachments.get(href);
				if (cited == null) {
					problems.add(name + " cites " + href + ", which is not embedded");
					continue;
				}
				String actual = Sha256.hex(cited);
				for (JsonNode hash : rlink.path("hashes")) {
					String value = hash.path("value").asString("");
					if ("SHA-256".equals(hash.path("algorithm").asString("")) && !actual.equals(value)) {
						problems.add(name + " cites " + href + " with SHA-256 " + value + " but the embedded " + href
								+ " has " + actual);
					}
				}
			}
		}
	}

	private static void ocsf(Map<String, byte[]> attachments, List<String> problems) {
		byte[] content = attachments.get(ExportFiles.OCSF_FINDINGS);
		if (content == null) {
			return;
		}
		String[] lines = new String(content, StandardCharsets.UTF_8).split("\n");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].isEmpty()) {
				continue;
			}
			String where = ExportFiles.OCSF_FINDINGS + " line " + (i + 1);
			JsonNode event;
			try {
				event = JSON.readTree(lines[i]);
			}
			catch (JacksonException ex) {
				problems.add(where + " is not JSON: " + ex.getOriginalMessage());
				continue;
			}
			int classUid = event.path("class_uid").asInt(0);
			int activity = event.path("activity_id").asInt(0);
			if (classUid != OcsfFindings.COMPLIANCE_FINDING && classUid != OcsfFindings.DETECTION_FINDING) {
				problems.add(where + " has class_uid " + classUid + ", not a Compliance or Detection Finding");
			}
			if (event.path("type_uid").asLong(0) != classUid * 100L + activity) {
				problems.add(where + " has type_uid " + event.path("type_uid") + ", not class_uid × 100 + activity_id");
			}
			if (!OcsfFindings.OCSF_VERSION.equals(event.path("metadata").path("version").asString(""))) {
				problems.add(where + " is not OCSF " + OcsfFindings.OCSF_VERSION);
			}
		}
	}

}
