package org.envelopereview.pack;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JasperReport;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.Severity;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.review.output.BoardReview.EnvelopeReview;
import org.envelopereview.review.scope.ScopeMeasurement;

import static org.envelopereview.pack.Rows.count;
import static org.envelopereview.pack.Rows.rows;

/**
 * The table "All envelopes" (SPEC §9), after the envelope sections of a board with more
 * envelopes than {@link EnvelopeBudget#SECTIONS}: one row each, most in need of attention
 * first, with its tier, actions in the period, findings by severity and recommendation. A
 * board whose envelopes all have a section has no such table.
 */
final class AllEnvelopesSection implements PackSection {

	static final String TITLE = "All envelopes";

	private final BoardReview review;

	private final ReviewFacts facts;

	private final Map<String, JasperReport> subreports;

	AllEnvelopesSection(ReviewFacts facts, Map<String, JasperReport> subreports) {
		this.review = facts.review();
		this.facts = facts;
		this.subreports = subreports;
	}

	@Override
	public String key() {
		return "all-envelopes";
	}

	@Override
	public List<TocEntry> contents() {
		return this.facts.envelopes().overflows() ? List.of(new TocEntry(TITLE, 2)) : List.of();
	}

	@Override
	public Map<String, Object> parameters() {
		EnvelopeBudget budget = this.facts.envelopes();
		List<EnvelopeReview> listed = budget.ranked()
			.subList(0, Math.min(budget.ranked().size(), EnvelopeBudget.TABLE_ROWS));
		List<Map<String, ?>> rows = new ArrayList<>();
		if (budget.overflows()) {
			listed.forEach((envelope) -> rows.add(row(envelope, budget)));
		}
		Map<String, Object> parameters = PackSections.section(this.subreports, "all-envelopes", rows(rows));
		parameters.put("SHOWN", budget.overflows());
		parameters.put("TITLE", TITLE);
		parameters.put("ACTIONS_HEADING", "Actions");
		String period = this.review.period().label();
		parameters.put("NOTE", "Every envelope of the board, most in need of attention first. The "
				+ budget.detailed().size() + " in bold have a full section above (the id links to it); for the other "
				+ count(budget.undetailed()) + ", what a section shows is in the files attached to this pack: their "
				+ "findings in findings.json and finding-groups.json, their recommendation with its reasons and "
				+ "proposed change in findings.json (envelopes[]). Actions: successful actions under the envelope in "
				+ period + "; Crit., High, Med., Low: its findings by severity.");
		List<EnvelopeReview> left = budget.ranked().subList(listed.size(), budget.ranked().size());
		parameters.put("MORE", left.isEmpty() ? null
				: Rows.counted(left.size(), "more envelope") + " (" + Rows.counted(
						left.stream().mapToLong((e) -> this.facts.findingsOf(e.envelopeId()).size()).sum(), "finding")
						+ ") not listed here, those least in need of attention — each one's recommendation is in "
						+ "findings.json (envelopes[]), its findings in findings.json and finding-groups.json "
						+ "(attached to this pack).");
		return parameters;
	}

	private Map<String, Object> row(EnvelopeReview envelope, EnvelopeBudget budget) {
		Map<String, Object> row = new HashMap<>();
		row.put("envelopeId", envelope.envelopeId() + ((envelope.envelope() == null) ? " (invalid file)" : ""));
		row.put("anchor", budget.detailed(envelope.envelopeId()) ? EnvelopeSections.anchor(envelope) : null);
		row.put("tier", (envelope.envelope() != null) ? Integer.toString(envelope.envelope().tier()) : "–");
		row.put("actions", actions(envelope));
		Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
		for (Finding finding : this.facts.findingsOf(envelope.envelopeId())) {
			bySeverity.merge(finding.severity(), 1L, Long::sum);
		}
		row.put("critical", counted(bySeverity.get(Severity.CRITICAL)));
		row.put("high", counted(bySeverity.get(Severity.HIGH)));
		row.put("medium", counted(bySeverity.get(Severity.MEDIUM)));
		row.put("low", counted(bySeverity.get(Severity.LOW)));
		row.putAll(RecommendationRows.brief(envelope));
		return row;
	}

	/**
	 * Its actions in the reviewed period, as the period's scope measurement counts them.
	 */
	private String actions(EnvelopeReview envelope) {
		String period = this.review.period().label();
		return envelope.trend()
			.stream()
			.filter((measurement) -> measurement.period().equals(period))
			.map(ScopeMeasurement::actionCount)
			.map(Rows::count)
			.findFirst()
			.orElse((envelope.envelope() != null) ? "0" : "–");
	}

	private static String counted(Long count) {
		return (count != null) ? count(count) : "–";
	}

}
