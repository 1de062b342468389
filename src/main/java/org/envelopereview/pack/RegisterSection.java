package org.envelopereview.pack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.JasperReport;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.Severity;
import org.envelopereview.review.output.BoardReview;

import static org.envelopereview.pack.Rows.escape;
import static org.envelopereview.pack.Rows.findingRows;
import static org.envelopereview.pack.Rows.pairs;
import static org.envelopereview.pack.Rows.rows;

/**
 * The out-of-scope action register, and the findings that name neither a reviewed
 * envelope nor an action.
 */
final class RegisterSection implements PackSection {

	private final BoardReview review;

	private final ReviewFacts facts;

	private final Map<String, JasperReport> subreports;

	RegisterSection(ReviewFacts facts, Map<String, JasperReport> subreports) {
		this.review = facts.review();
		this.facts = facts;
		this.subreports = subreports;
	}

	@Override
	public String key() {
		return "register";
	}

	@Override
	public List<TocEntry> contents() {
		return List.of(new TocEntry("Out-of-scope action register", 1));
	}

	@Override
	public Map<String, Object> parameters() {
		Map<String, List<Finding>> byAction = new LinkedHashMap<>();
		for (Finding finding : this.review.findings()) {
			if (finding.actionId() != null) {
				byAction.computeIfAbsent(finding.actionId(), (id) -> new ArrayList<>()).add(finding);
			}
		}
		List<Map<String, ?>> rows = new ArrayList<>();
		byAction.forEach((actionId, findings) -> rows.add(registerRow(actionId, findings)));
		Map<String, Object> parameters = PackSections.section(this.subreports, "register", rows(rows));
		parameters.put("INTRODUCTION", rows.size() + " actions were flagged in " + this.review.period().label()
				+ ". Each shows its findings, the rationale the agent recorded, the human approval or change "
				+ "reference recorded with it, and the remaining evidence."
				+ (this.review.receivesUnassigned()
						? " This board also receives findings that belong to no board; they are marked unassigned."
						: ""));
		List<Finding> other = this.review.findings()
			.stream()
			.filter((finding) -> finding.actionId() == null && !this.facts.reviewed(finding)
					&& !finding.code().code().startsWith("LOG-"))
			.toList();
		parameters.put("OTHER_FINDINGS", findingRows(other));
		return parameters;
	}

	private static Map<String, ?> registerRow(String actionId, List<Finding> findings) {
		Map<String, String> evidence = new TreeMap<>();
		findings.forEach((finding) -> finding.evidence().forEach(evidence::putIfAbsent));
		Map<String, String> rationale = new TreeMap<>();
		Map<String, String> approval = new TreeMap<>();
		Map<String, String> remaining = new TreeMap<>();
		evidence.forEach((key, value) -> {
			String lower = key.toLowerCase(Locale.ROOT);
			if (lower.contains("rationale") || lower.contains("confidence") || lower.contains("signal")) {
				rationale.put(key, value);
			}
			else if (lower.contains("approv") || lower.contains("change")) {
				approval.put(key, value);
			}
			else {
				remaining.put(key, value);
			}
		});
		Severity worst = findings.stream().map(Finding::severity).min(Enum::compareTo).orElseThrow();
		Finding first = findings.get(0);
		Map<String, Object> row = new HashMap<>();
		row.put("actionId", actionId);
		row.put("envelope", ((first.envelopeId() != null) ? first.envelopeId() : "no envelope")
				+ (first.unassigned() ? " · unassigned" : ""));
		row.put("severity", worst.label().toUpperCase(Locale.ROOT));
		row.put("severityColor", FindingPresentation.color(worst));
		row.put("findings",
				findings.stream()
					.map((finding) -> "<b>" + escape(finding.code().code()) + "</b> (" + finding.severity().label()
							+ "): " + escape(finding.explanation()))
					.collect(Collectors.joining("\n")));
		row.put("rationale", rationale.isEmpty() ? "none recorded" : escape(pairs(rationale)));
		row.put("approval", approval.isEmpty() ? "none recorded" : escape(pairs(approval)));
		row.put("evidence", remaining.isEmpty() ? null : "Evidence: " + pairs(remaining));
		return row;
	}

}
