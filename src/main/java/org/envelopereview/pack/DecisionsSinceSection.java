package org.envelopereview.pack;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.JasperReport;

import org.envelopereview.decision.CheckedDecision;
import org.envelopereview.decision.Decision;
import org.envelopereview.decision.DecisionKind;
import org.envelopereview.decision.DecisionStatus;
import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.review.output.BoardReview;

import static org.envelopereview.pack.Rows.rows;

/**
 * Decisions since the last review (SPEC §8): each decision the board recorded on an
 * earlier pack that this review checked, who decided and when, its due date, and whether
 * it was applied; then the requests nobody answered.
 */
final class DecisionsSinceSection implements PackSection {

	static final String TITLE = "Decisions since the last review";

	private static final Map<DecisionStatus, String> COLORS = Map.of(DecisionStatus.APPLIED, "#2E7D32",
			DecisionStatus.NOT_APPLIED, "#B00020", DecisionStatus.PENDING, "#B26A00", DecisionStatus.DEFERRED,
			"#5B6470");

	private final BoardReview review;

	private final Map<String, JasperReport> subreports;

	DecisionsSinceSection(ReviewFacts facts, Map<String, JasperReport> subreports) {
		this.review = facts.review();
		this.subreports = subreports;
	}

	@Override
	public String key() {
		return "decisions-since";
	}

	@Override
	public List<TocEntry> contents() {
		return List.of(new TocEntry(TITLE, 1));
	}

	@Override
	public Map<String, Object> parameters() {
		List<Map<String, ?>> rows = new ArrayList<>();
		Map<DecisionStatus, Integer> counts = new EnumMap<>(DecisionStatus.class);
		for (CheckedDecision check : this.review.decisions()) {
			Decision decision = check.recorded().decision();
			counts.merge(check.status(), 1, Integer::sum);
			Map<String, Object> row = new HashMap<>();
			row.put("envelopeId", decision.envelopeId());
			row.put("status", check.status().label().toUpperCase(java.util.Locale.ROOT));
			row.put("statusColor", COLORS.get(check.status()));
			row.put("decision", capitalized(decision.kind().label()) + ", decided on " + decision.decidedAt() + " by "
					+ decision.decidedBy() + " on the " + check.recorded().period() + " pack"
					+ ((decision.kind() == DecisionKind.DEFER) ? "" : " · due " + decision.dueDate())
					+ ((decision.requiredChange() != null) ? " · required change: " + decision.requiredChange() : ""));
			row.put("justification", decision.justification());
			row.put("check", check.detail());
			rows.add(row);
		}
		Map<String, Object> parameters = PackSections.section(this.subreports, "decisions-since", rows(rows));
		parameters.put("INTRODUCTION", introduction(counts));
		List<Finding> undecided = this.review.findings()
			.stream()
			.filter((finding) -> finding.code() == FindingCode.DEC_UNDECIDED)
			.toList();
		parameters
			.put("UNDECIDED", undecided.isEmpty() ? null : "Requested but never decided (DEC-UNDECIDED): " + undecided
				.stream()
				.map((finding) -> finding.envelopeId() + " (" + finding.evidence().getOrDefault("reasons", "") + ")")
				.collect(Collectors.joining(", ")) + ".");
		return parameters;
	}

	private String introduction(Map<DecisionStatus, Integer> counts) {
		int total = this.review.decisions().size();
		if (total == 0) {
			return "The board recorded no decision on an earlier pack that this review had to check. Decisions "
					+ "are recorded with `envelope-review decisions record` after the board's meeting.";
		}
		return total + " decision(s) the board recorded on earlier packs, checked against the envelope files and "
				+ "the action history as of the end of " + this.review.period().label() + ": "
				+ counts.getOrDefault(DecisionStatus.APPLIED, 0) + " applied, "
				+ counts.getOrDefault(DecisionStatus.NOT_APPLIED, 0)
				+ " not applied by the due date (DEC-NOT-APPLIED), " + counts.getOrDefault(DecisionStatus.PENDING, 0)
				+ " not yet due, " + counts.getOrDefault(DecisionStatus.DEFERRED, 0) + " deferred.";
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
