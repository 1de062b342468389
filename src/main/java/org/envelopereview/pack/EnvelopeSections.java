package org.envelopereview.pack;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JasperReport;

import org.envelopereview.envelope.ActionClass;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.Scope;
import org.envelopereview.finding.FindingGroup;
import org.envelopereview.review.output.BoardReview.EnvelopeReview;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.review.scope.ScopeMeasurement;

import static org.envelopereview.pack.Rows.chartRow;
import static org.envelopereview.pack.Rows.count;
import static org.envelopereview.pack.Rows.duration;
import static org.envelopereview.pack.Rows.fact;
import static org.envelopereview.pack.Rows.list;
import static org.envelopereview.pack.Rows.orNone;
import static org.envelopereview.pack.Rows.rows;

/**
 * One section per envelope: metadata, declared scope, exercised scope per period, its
 * findings and its recommendation. A board with more envelopes than
 * {@link EnvelopeBudget#SECTIONS} gets sections for those that most need its attention;
 * {@link AllEnvelopesSection} then lists them all.
 */
final class EnvelopeSections implements PackSection {

	/**
	 * The height of finding groups an envelope's section shows, in rows of a single
	 * finding ({@link GroupRows#shown}), so that it stays within about three pages
	 * whatever the volume (SPEC §9): six large groups; the rest are in the attachments.
	 */
	static final int GROUP_BUDGET = 24;

	private final BoardReview review;

	private final ReviewFacts facts;

	private final Map<String, JasperReport> subreports;

	EnvelopeSections(ReviewFacts facts, Map<String, JasperReport> subreports) {
		this.review = facts.review();
		this.facts = facts;
		this.subreports = subreports;
	}

	@Override
	public String key() {
		return "envelopes";
	}

	@Override
	public List<TocEntry> contents() {
		List<TocEntry> entries = new ArrayList<>();
		entries.add(new TocEntry("Envelopes", 1));
		for (EnvelopeReview envelope : this.facts.envelopes().detailed()) {
			entries.add(new TocEntry(anchor(envelope), 2));
		}
		return entries;
	}

	/**
	 * The title of an envelope's section, also its anchor and its entry in the table of
	 * contents.
	 */
	static String anchor(EnvelopeReview envelope) {
		return envelope.envelopeId()
				+ ((envelope.envelope() != null) ? " — " + envelope.envelope().title() : " (invalid file)");
	}

	@Override
	public Map<String, Object> parameters() {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (EnvelopeReview envelope : this.facts.envelopes().detailed()) {
			Envelope declared = envelope.envelope();
			List<FindingGroup> groups = this.facts.groupsOf(envelope.envelopeId());
			long findings = groups.stream().mapToLong(FindingGroup::count).sum();
			Map<String, Object> row = new HashMap<>();
			row.put("envelopeId", envelope.envelopeId());
			row.put("title", (declared != null) ? declared.title() : null);
			row.put("status", (declared != null) ? null
					: "The file " + envelope.sourceFile() + " failed validation; see its ENV-INVALID finding below.");
			row.put("facts", rows(facts(envelope)));
			row.put("classes", rows((declared != null) ? classes(declared) : List.of()));
			row.put("trend", rows(trend(envelope)));
			row.put("trendChart", rows(trendChart(envelope)));
			row.put("hasTrend", !envelope.trend().isEmpty());
			row.put("findings", GroupRows.rows(groups, GROUP_BUDGET));
			row.put("findingsMore", GroupRows.more(groups, GROUP_BUDGET));
			row.put("findingsHeading", "Findings (" + Rows.count(findings)
					+ ((groups.size() == findings) ? ")" : " in " + Rows.counted(groups.size(), "group") + ")"));
			row.put("recommendation", RecommendationRows.section(envelope.recommendation()));
			rows.add(row);
		}
		Map<String, Object> parameters = PackSections.section(this.subreports, "envelopes", rows(rows));
		parameters.put("NOTE", note());
		return parameters;
	}

	/**
	 * What a board with more envelopes than sections is told about the others, or
	 * {@code null}.
	 */
	private String note() {
		EnvelopeBudget budget = this.facts.envelopes();
		if (!budget.overflows()) {
			return null;
		}
		return "This board has " + Rows.count(this.review.envelopes().size()) + " envelopes. The "
				+ budget.detailed().size() + " that most need its attention (highest finding severity, then most "
				+ "findings, then a recommendation to retire before one to narrow or keep) have a full section below; "
				+ "the table \"" + AllEnvelopesSection.TITLE + "\" after them lists every envelope with its findings "
				+ "by severity and its recommendation. The detail of the other " + Rows.count(budget.undetailed())
				+ " is in the files attached to this pack: findings.json (every finding, and every envelope's "
				+ "recommendation with its proposed change in envelopes[]) and finding-groups.json.";
	}

	private static List<Map<String, ?>> facts(EnvelopeReview envelope) {
		List<Map<String, ?>> facts = new ArrayList<>();
		facts.add(fact("Source file", envelope.sourceFile()));
		Envelope declared = envelope.envelope();
		if (declared == null) {
			return facts;
		}
		facts.add(fact("Owner", declared.owner()));
		facts.add(fact("Default tier", Integer.toString(declared.tier())));
		Envelope.Approval approval = declared.approval();
		if (approval != null) {
			facts.add(fact("Approval", approval.approver() + " on " + approval.approvedAt()
					+ ((approval.changeRef() != null) ? " under " + approval.changeRef() : "")));
		}
		Envelope.ReviewSchedule schedule = declared.review();
		if (schedule != null) {
			facts.add(fact("Last review", schedule.lastReviewedAt() + " by " + schedule.lastReviewedBy() + ", every "
					+ schedule.cadenceDays() + " days"));
		}
		facts.add(fact("Expires", (declared.expiresAt() != null) ? declared.expiresAt() + " (inclusive)" : "never"));
		facts.add(fact("Compliance", list(declared.compliance())));
		facts.add(fact("Agents", list(declared.agents())));
		facts.add(fact("Principals", (declared.principals() != null) ? list(declared.principals())
				: "none (only actions that name the envelope are under it)"));
		facts.add(fact("Model versions", list(declared.modelVersions())));
		facts.add(fact("Rationale", declared.rationaleRequired()
				? "required: each action carries a signal and confidence; provider changes no agent reported are LOG-UNREPORTED"
				: "optional (the board's choice): no OOS-RATIONALE, no LOG-UNREPORTED"));
		facts.add(fact("Min. confidence",
				(declared.minConfidence() != null) ? declared.minConfidence().toString() : "not required"));
		Envelope.Bounds bounds = (declared.bounds() != null) ? declared.bounds() : Envelope.Bounds.NONE;
		facts.add(fact("Bounds", "max actions per period " + orNone(bounds.maxActionsPerPeriod()) + "; max open rules "
				+ orNone(bounds.maxOpenRules())));
		return facts;
	}

	private static List<Map<String, ?>> classes(Envelope envelope) {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (ActionClass actionClass : envelope.actions()) {
			Scope scope = (actionClass.scope() != null) ? actionClass.scope() : Scope.UNCONSTRAINED;
			Map<String, Object> row = new HashMap<>();
			row.put("type", actionClass.type());
			row.put("tier", Integer.toString(actionClass.tier()));
			row.put("resources", list(scope.resources()));
			row.put("cidrs", list(scope.cidrs()));
			row.put("ports", list(scope.ports()));
			row.put("protocolsRegions", list(scope.protocols()) + " · " + list(scope.regions()));
			row.put("revert", actionClass.temporary() ? duration(actionClass.maxDuration()) : "permanent");
			rows.add(row);
		}
		return rows;
	}

	private static List<Map<String, ?>> trend(EnvelopeReview envelope) {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (ScopeMeasurement m : envelope.trend()) {
			Map<String, Object> row = new HashMap<>();
			row.put("period", m.period());
			row.put("actions", count(BigInteger.valueOf(m.actionCount())));
			row.put("types", Integer.toString(m.actionTypes()));
			row.put("resources", Integer.toString(m.resources()));
			row.put("ipv4", count(m.ipv4Addresses()));
			row.put("ipv6", count(m.ipv6Addresses()));
			row.put("ports", Integer.toString(m.ports()));
			row.put("regions", Integer.toString(m.regions()));
			row.put("agents", Integer.toString(m.agents()));
			row.put("openRules", m.openRulesStart() + " / " + m.openRulesEnd() + " / " + m.openRulesPeak());
			rows.add(row);
		}
		return rows;
	}

	private static List<Map<String, ?>> trendChart(EnvelopeReview envelope) {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (ScopeMeasurement m : envelope.trend()) {
			rows.add(chartRow(m.period(), "Action types", m.actionTypes()));
			rows.add(chartRow(m.period(), "Resources", m.resources()));
			rows.add(chartRow(m.period(), "Ports", m.ports()));
			rows.add(chartRow(m.period(), "Regions", m.regions()));
			rows.add(chartRow(m.period(), "Agents", m.agents()));
		}
		return rows;
	}

}
