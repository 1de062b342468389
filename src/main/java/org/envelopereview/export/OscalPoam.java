package org.envelopereview.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.envelopereview.decision.CheckedDecision;
import org.envelopereview.decision.Decision;
import org.envelopereview.decision.DecisionKind;
import org.envelopereview.decision.DecisionStatus;
import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.StoredFinding;

/**
 * A board's plan of action and milestones (OSCAL 1.1.2): an item per recorded revise or
 * retire decision, due on the decision's due date and closed once a review found it
 * applied, and an item per temporary change not reverted (OOS-NOT-REVERTED), due to be
 * reverted or authorized by the period's end plus the decisions' default due.
 */
final class OscalPoam {

	private OscalPoam() {
	}

	/**
	 * @return the document, or empty when the board has nothing to plan (OSCAL requires
	 * at least one item)
	 */
	static Optional<byte[]> write(BoardExport export) {
		return document(export).map(Oscal::write);
	}

	static Optional<Map<String, Object>> document(BoardExport export) {
		List<Map<String, Object>> risks = new ArrayList<>();
		List<Map<String, Object>> items = new ArrayList<>();
		for (CheckedDecision checked : export.decisions()) {
			DecisionKind kind = checked.recorded().decision().kind();
			if (kind == DecisionKind.REVISE || kind == DecisionKind.RETIRE) {
				decision(export, checked, risks, items);
			}
		}
		for (StoredFinding stored : export.findings()) {
			if (stored.finding().code() == FindingCode.OOS_NOT_REVERTED) {
				unreverted(export, stored, risks, items);
			}
		}
		if (items.isEmpty()) {
			return Optional.empty();
		}
		String board = export.boardId();
		String period = export.period().label();
		Map<String, Object> systemId = new LinkedHashMap<>();
		systemId.put("identifier-type", Oscal.NS + ":board");
		systemId.put("id", board);
		Map<String, Object> plan = new LinkedHashMap<>();
		plan.put("uuid", NameBasedUuid.of("oscal-poam", board, period));
		plan.put("metadata", Oscal.metadata(export,
				"Plan of action and milestones of " + Oscal.text(export.boardName()) + ", " + period));
		plan.put("system-id", systemId);
		plan.put("risks", risks);
		plan.put("poam-items", items);
		List<Map<String, Object>> resources = new ArrayList<>();
		resources.add(Oscal.catalogueResource(export));
		resources.addAll(Oscal.evidenceResources(export));
		plan.put("back-matter", Map.of("resources", resources));
		return Optional.of(Map.of("plan-of-action-and-milestones", plan));
	}

	private static void decision(BoardExport export, CheckedDecision checked, List<Map<String, Object>> risks,
			List<Map<String, Object>> items) {
		Decision decision = checked.recorded().decision();
		String verb = (decision.kind() == DecisionKind.RETIRE) ? "Retire" : "Revise";
		String name = String.join("|", "decision", export.boardId(), checked.recorded().period(), decision.envelopeId(),
				decision.kind().label());
		boolean applied = checked.status() == DecisionStatus.APPLIED;
		Instant due = decision.dueInstant();
		String title = verb + " envelope " + decision.envelopeId();
		String change = (decision.requiredChange() != null) ? " Required change: " + decision.requiredChange() : "";
		Map<String, Object> risk = risk(NameBasedUuid.of("poam-risk", name), title,
				Oscal.text(decision.justification() + "." + change),
				"Board " + export.boardId() + " decided on " + decision.decidedAt() + " (" + decision.decidedBy()
						+ ", answering the pack of " + checked.recorded().period() + ") to " + decision.kind().label()
						+ " envelope " + decision.envelopeId() + ((due != null) ? " by " + decision.dueDate() : "")
						+ "; the review of " + export.period().label() + " found it " + checked.status().label() + ": "
						+ Oscal.text(checked.detail()) + ".",
				applied ? "closed" : "open", due);
		risk.put("remediations", List.of(remediation(NameBasedUuid.of("poam-remediation", name),
				applied ? "completed" : "planned", title, Oscal.text(decision.kind().label() + "." + change), due)));
		risks.add(risk);
		List<Map<String, Object>> props = new ArrayList<>();
		props.add(Oscal.prop("decision", decision.kind().label()));
		props.add(Oscal.prop("envelope", decision.envelopeId()));
		props.add(Oscal.prop("decided-by", decision.decidedBy()));
		props.add(Oscal.prop("decided-at", decision.decidedAt().toString()));
		if (decision.dueDate() != null) {
			props.add(Oscal.prop("due-date", decision.dueDate().toString()));
		}
		props.add(Oscal.prop("decision-period", checked.recorded().period()));
		props.add(Oscal.prop("decision-status", checked.status().label()));
		items.add(item(
				NameBasedUuid.of("poam-item", name), title, "Recorded board decision: " + decision.kind().label() + " "
						+ decision.envelopeId() + ", " + checked.status().label() + ".",
				props, (String) risk.get("uuid")));
	}

	private static void unreverted(BoardExport export, StoredFinding stored, List<Map<String, Object>> risks,
			List<Map<String, Object>> items) {
		Finding finding = stored.finding();
		String name = String.join("|", "unreverted", stored.key());
		Instant due = export.remediationDue().atStartOfDay(ZoneOffset.UTC).toInstant();
		String title = "Revert or authorize action " + finding.actionId()
				+ ((finding.evidence().get("resource") != null) ? " on " + finding.evidence().get("resource") : "");
		Map<String, Object> risk = risk(NameBasedUuid.of("poam-risk", name), title, Oscal.text(finding.explanation()),
				"A temporary change "
						+ ((finding.envelopeId() != null) ? "under envelope " + finding.envelopeId()
								: "under no envelope")
						+ " was not reverted by its deadline; the permission it opened may" + " still be open.",
				"open", due);
		risk.put("remediations", List.of(remediation(NameBasedUuid.of("poam-remediation", name), "planned",
				"Revert the change, or record its authorization",
				"Revert action " + finding.actionId() + ", or record why it stays and who authorized it.", due)));
		risks.add(risk);
		List<Map<String, Object>> props = new ArrayList<>();
		props.add(Oscal.prop("finding-code", finding.code().code()));
		props.add(Oscal.prop("finding-key", stored.key()));
		props.add(Oscal.prop("action", finding.actionId()));
		if (finding.envelopeId() != null) {
			props.add(Oscal.prop("envelope", finding.envelopeId()));
		}
		if (finding.evidence().get("deadline") != null) {
			props.add(Oscal.prop("revert-deadline", finding.evidence().get("deadline")));
		}
		props.add(Oscal.prop("due-date", export.remediationDue().toString()));
		items.add(item(NameBasedUuid.of("poam-item", name), title, Oscal.text(finding.explanation()), props,
				(String) risk.get("uuid")));
	}

	private static Map<String, Object> risk(String uuid, String title, String description, String statement,
			String status, Instant deadline) {
		Map<String, Object> risk = new LinkedHashMap<>();
		risk.put("uuid", uuid);
		risk.put("title", Oscal.text(title));
		risk.put("description", description);
		risk.put("statement", Oscal.text(statement));
		risk.put("status", status);
		if (deadline != null) {
			risk.put("deadline", deadline.toString());
		}
		return risk;
	}

	private static Map<String, Object> remediation(String uuid, String lifecycle, String title, String description,
			Instant due) {
		Map<String, Object> remediation = new LinkedHashMap<>();
		remediation.put("uuid", uuid);
		remediation.put("lifecycle", lifecycle);
		remediation.put("title", Oscal.text(title));
		remediation.put("description", Oscal.text(description));
		if (due != null) {
			Map<String, Object> task = new LinkedHashMap<>();
			task.put("uuid", NameBasedUuid.v5(NameBasedUuid.NAMESPACE, uuid + "|milestone").toString());
			task.put("type", "milestone");
			task.put("title", "Due " + LocalDate.ofInstant(due, ZoneOffset.UTC));
			task.put("timing", Map.of("on-date", Map.of("date", due.toString())));
			remediation.put("tasks", List.of(task));
		}
		return remediation;
	}

	private static Map<String, Object> item(String uuid, String title, String description,
			List<Map<String, Object>> props, String riskUuid) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("uuid", uuid);
		item.put("title", Oscal.text(title));
		item.put("description", Oscal.text(description));
		item.put("props", props);
		item.put("related-risks", List.of(Map.of("risk-uuid", riskUuid)));
		return item;
	}

}
