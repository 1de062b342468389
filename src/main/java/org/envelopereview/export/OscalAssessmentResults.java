package org.envelopereview.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.envelopereview.finding.FindingCatalogue;
import org.envelopereview.finding.StoredFinding;

/**
 * A board's review of one period as an OSCAL 1.1.2 assessment-results document: one
 * result for the period that reviewed every control of the finding catalogue, an
 * observation per finding group (SPEC §9) pointing at the evidence files by SHA-256, and
 * a finding per control, satisfied when no finding of the period bears on it.
 */
final class OscalAssessmentResults {

	private OscalAssessmentResults() {
	}

	static byte[] write(BoardExport export, List<ObservationGroup> groups) {
		return Oscal.write(document(export, groups));
	}

	static Map<String, Object> document(BoardExport export, List<ObservationGroup> groups) {
		String board = export.boardId();
		String period = export.period().label();
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("uuid", NameBasedUuid.of("oscal-assessment-results", board, period));
		results.put("metadata",
				Oscal.metadata(export, "Envelope review of " + Oscal.text(export.boardName()) + ", " + period));
		Map<String, Object> importAp = new LinkedHashMap<>();
		importAp.put("href", "#" + Oscal.catalogueUuid(export));
		importAp.put("remarks", "No separate assessment plan: the plan is the finding catalogue in the back-matter,"
				+ " applied to every envelope of the board for the period.");
		results.put("import-ap", importAp);
		results.put("results", List.of(result(export, groups)));
		List<Map<String, Object>> resources = new ArrayList<>();
		resources.add(Oscal.catalogueResource(export));
		resources.addAll(Oscal.evidenceResources(export));
		results.put("back-matter", Map.of("resources", resources));
		return Map.of("assessment-results", results);
	}

	private static Map<String, Object> result(BoardExport export, List<ObservationGroup> groups) {
		FindingCatalogue catalogue = FindingCatalogue.shipped();
		List<Map<String, Object>> observations = new ArrayList<>();
		Map<String, List<String>> observationsByControl = new LinkedHashMap<>();
		catalogue.controls().forEach((control) -> observationsByControl.put(control.ref(), new ArrayList<>()));
		for (ObservationGroup group : groups) {
			String uuid = observationUuid(export, group);
			observations.add(observation(export, group, uuid));
			group.controls()
				.forEach((ref) -> observationsByControl.computeIfAbsent(ref, (r) -> new ArrayList<>()).add(uuid));
		}
		List<Map<String, Object>> findings = new ArrayList<>();
		observationsByControl.forEach((ref, uuids) -> findings.add(finding(export, ref, uuids, groups)));
		long notSatisfied = observationsByControl.values().stream().filter((uuids) -> !uuids.isEmpty()).count();
		long total = groups.stream().mapToLong(ObservationGroup::count).sum();
		Map<String, Object> reviewed = new LinkedHashMap<>();
		reviewed.put("description", "Every control the finding catalogue maps a finding code to.");
		reviewed.put("control-selections",
				List.of(Map.of("include-controls",
						observationsByControl.keySet()
							.stream()
							.map((ref) -> Map.of("control-id", Oscal.controlId(ref)))
							.toList())));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("uuid", NameBasedUuid.of("oscal-result", export.boardId(), export.period().label()));
		result.put("title", "Envelope review " + export.period().label());
		result.put("description",
				"Periodic review of the envelopes of board " + export.boardId() + " from " + export.period().start()
						+ " to " + export.period().end() + ": " + total + " findings in " + groups.size() + " groups; "
						+ notSatisfied + " of " + observationsByControl.size() + " controls not satisfied.");
		result.put("start", export.period().start().toString());
		result.put("end", export.period().end().toString());
		result.put("reviewed-controls", reviewed);
		if (!observations.isEmpty()) {
			result.put("observations", observations);
		}
		result.put("findings", findings);
		return result;
	}

	static String observationUuid(BoardExport export, ObservationGroup group) {
		return NameBasedUuid.of("oscal-observation", export.boardId(), export.period().label(), group.key());
	}

	private static Map<String, Object> observation(BoardExport export, ObservationGroup group, String uuid) {
		FindingCatalogue.Entry entry = FindingCatalogue.shipped().entry(group.code());
		StoredFinding first = group.examples().get(0);
		List<Map<String, Object>> props = new ArrayList<>();
		props.add(Oscal.prop("finding-code", group.code().code()));
		props.add(Oscal.prop("severity", group.severity().label()));
		props.add(Oscal.prop("count", Long.toString(group.count())));
		if (group.envelopeId() != null) {
			props.add(Oscal.prop("envelope", group.envelopeId()));
		}
		if (group.agent() != null) {
			props.add(Oscal.prop("agent", group.agent()));
		}
		if (group.outOfScopeValue() != null) {
			props.add(Oscal.prop("out-of-scope-value", group.outOfScopeValue()));
		}
		if (group.first() != null) {
			props.add(Oscal.prop("first-occurrence", group.first().toString()));
			props.add(Oscal.prop("last-occurrence", group.last().toString()));
		}
		for (StoredFinding example : group.examples()) {
			props.add(Oscal.prop("example-finding-key", example.key()));
		}
		String examples = group.examples()
			.stream()
			.map((example) -> Oscal.text(example.finding().explanation()))
			.collect(Collectors.joining("\n- ", "\n- ", ""));
		Map<String, Object> observation = new LinkedHashMap<>();
		observation.put("uuid", uuid);
		observation.put("title", Oscal.text(title(group)));
		observation.put("description",
				(group.count() == 1) ? Oscal.text(first.finding().explanation())
						: group.count() + " findings " + group.code().code() + " (" + Oscal.text(entry.meaning()) + ")"
								+ ((group.first() != null) ? ", first " + group.first() + ", last " + group.last() : "")
								+ ". Examples:" + examples);
		observation.put("props", props);
		observation.put("methods", List.of("EXAMINE"));
		observation.put("types", List.of("finding"));
		observation.put("relevant-evidence", export.evidence()
			.stream()
			.map((evidence) -> Oscal.ordered("href", "#" + Oscal.evidenceUuid(export, evidence.name()), "description",
					evidence.name() + ": every finding of the group, by code, envelope and agent"))
			.toList());
		observation.put("collected", export.asOf().toString());
		return observation;
	}

	private static String title(ObservationGroup group) {
		StringBuilder title = new StringBuilder(group.code().code());
		if (group.envelopeId() != null) {
			title.append(" on ").append(group.envelopeId());
		}
		if (group.agent() != null) {
			title.append(" by ").append(group.agent());
		}
		if (group.outOfScopeValue() != null) {
			title.append(": ").append(group.outOfScopeValue());
		}
		if (group.count() > 1) {
			title.append(" (").append(group.count()).append(" findings)");
		}
		return title.toString();
	}

	private static Map<String, Object> finding(BoardExport export, String ref, List<String> observationUuids,
			List<ObservationGroup> groups) {
		FindingCatalogue.Control control = FindingCatalogue.shipped()
			.control(ref)
			.orElse(new FindingCatalogue.Control(ref, ref, ref));
		boolean satisfied = observationUuids.isEmpty();
		long findings = groups.stream()
			.filter((group) -> group.controls().contains(ref))
			.mapToLong(ObservationGroup::count)
			.sum();
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("state", satisfied ? "satisfied" : "not-satisfied");
		Map<String, Object> target = new LinkedHashMap<>();
		target.put("type", "statement-id");
		target.put("target-id", Oscal.controlId(ref) + "_smt");
		target.put("title", Oscal.text(control.ref() + ": " + control.title()));
		target.put("status", status);
		Map<String, Object> finding = new LinkedHashMap<>();
		finding.put("uuid", NameBasedUuid.of("oscal-finding", export.boardId(), export.period().label(), ref));
		finding.put("title", Oscal.text(control.ref() + " — " + control.title()));
		finding.put("description", satisfied ? "No finding of the period bears on this control."
				: findings + " findings in " + observationUuids.size() + " groups of the period bear on this control.");
		finding.put("props", List.of(Oscal.prop("framework", control.framework()), Oscal.prop("control", ref)));
		finding.put("target", target);
		if (!satisfied) {
			finding.put("related-observations",
					observationUuids.stream().map((uuid) -> Map.of("observation-uuid", uuid)).toList());
		}
		return finding;
	}

}
