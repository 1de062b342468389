package org.envelopereview.pack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JasperReport;

import org.envelopereview.decision.DecisionDeadlines;
import org.envelopereview.decision.DecisionTemplates;
import org.envelopereview.envelope.Board;
import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingGroup;
import org.envelopereview.period.Period;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.review.output.BoardReview.EnvelopeReview;

import static org.envelopereview.pack.Rows.DAY;
import static org.envelopereview.pack.Rows.rows;

/**
 * Decisions requested: every envelope with an ENV- or EXP- finding, when the decision is
 * due, a sign-off line per board member, and the commands that record the decisions.
 */
final class DecisionsSection implements PackSection {

	/**
	 * The default of {@code review.decisions.default-due}, as the page explains it.
	 */
	static final long DEFAULT_DUE_DAYS = 30;

	/** Action-finding groups named under a decision. */
	static final int ACTION_GROUPS = 3;

	/**
	 * Decision frames for groups of envelopes without a section (a board with more
	 * envelopes than {@link EnvelopeBudget#SECTIONS}), after the frames of those with
	 * one: the sixteen frames of a board of three members take about five pages.
	 */
	static final int REASON_GROUPS = 6;

	/** Envelopes a group's frame names before it counts the rest. */
	static final int NAMED = 8;

	private final BoardReview review;

	private final ReviewFacts facts;

	private final Map<String, JasperReport> subreports;

	DecisionsSection(ReviewFacts facts, Map<String, JasperReport> subreports) {
		this.review = facts.review();
		this.facts = facts;
		this.subreports = subreports;
	}

	@Override
	public String key() {
		return "decisions";
	}

	@Override
	public List<TocEntry> contents() {
		return List.of(new TocEntry("Decisions requested", 1));
	}

	@Override
	public Map<String, Object> parameters() {
		EnvelopeBudget budget = this.facts.envelopes();
		List<Map<String, ?>> rows = new ArrayList<>();
		Map<String, ReasonGroup> groups = new LinkedHashMap<>();
		int requested = 0;
		for (EnvelopeReview envelope : budget.overflows() ? budget.ranked() : this.review.envelopes()) {
			List<Finding> reasons = this.facts.decisionReasons(envelope.envelopeId());
			if (reasons.isEmpty()) {
				continue;
			}
			requested++;
			if (budget.overflows() && !budget.detailed(envelope.envelopeId())) {
				String codes = reasons.stream()
					.map((finding) -> finding.code().code())
					.distinct()
					.sorted()
					.collect(Collectors.joining(", "));
				groups.computeIfAbsent(codes, (key) -> new ReasonGroup(key, new ArrayList<>(), new ArrayList<>()))
					.add(envelope.envelopeId(), reasons);
				continue;
			}
			Map<String, Object> row = new HashMap<>();
			row.put("envelopeId", envelope.envelopeId());
			row.put("title", (envelope.envelope() != null) ? envelope.envelope().title() : null);
			row.put("reasons", reasons(envelope.envelopeId(), reasons));
			row.put("members", members());
			row.put("due", due());
			rows.add(row);
		}
		List<ReasonGroup> grouped = groups.values()
			.stream()
			.sorted(Comparator.comparingInt((ReasonGroup group) -> group.envelopes().size())
				.reversed()
				.thenComparing(ReasonGroup::codes))
			.toList();
		int individual = rows.size();
		grouped.stream().limit(REASON_GROUPS).forEach((group) -> rows.add(groupRow(group)));
		Map<String, Object> parameters = PackSections.section(this.subreports, "decisions", rows(rows));
		String period = this.review.period().label();
		String board = this.review.board().id();
		String template = "decisions/" + period + "/" + board + ".yaml";
		parameters.put("INTRODUCTION", requested + " of " + this.review.envelopes().size()
				+ " envelopes are stale or have outgrown their approval (an ENV- or EXP- finding). For each, the board "
				+ "decides to re-approve it as is, revise it, or retire it; every member signs the line below it."
				+ (grouped.isEmpty() ? ""
						: " Those with a section in this pack are asked one by one; the other "
								+ Rows.count(requested - individual)
								+ " in groups with the same reasons, where one answer may cover a group; "
								+ "the decisions file still takes an answer per envelope (" + template + ")."));
		parameters.put("ACKNOWLEDGEMENT", "The members below have read this review pack for "
				+ this.review.period().label() + " and record the decisions above.");
		parameters.put("MEMBERS", members());
		parameters.put("COMMAND",
				"After the meeting, record the board's decisions:\n  " + DecisionTemplates.command(period, board)
						+ "\n  (fill in " + template + ")\n  envelope-review decisions record " + template + "\n"
						+ "A request left unanswered by " + DAY.format(decideBy().lastInstant())
						+ " becomes DEC-UNDECIDED in the " + decideBy().label() + " review.");
		List<ReasonGroup> left = grouped.subList(Math.min(REASON_GROUPS, grouped.size()), grouped.size());
		parameters
			.put("MORE", left.isEmpty() ? null
					: Rows.counted(left.size(), "more group") + " of envelopes that need a decision ("
							+ Rows.counted(left.stream().mapToLong((group) -> group.envelopes().size()).sum(),
									"envelope")
							+ ") not shown here — their reasons are in findings.json (attached); `"
							+ DecisionTemplates.command(period, board) + "` writes one entry per decision to "
							+ template + ".");
		parameters.putAll(RecommendationRows.decisionsPage(this.review.envelopes(), budget));
		return parameters;
	}

	/**
	 * Envelopes without a section of their own that need a decision for the same reasons
	 * (the same ENV- and EXP- codes).
	 */
	private record ReasonGroup(String codes, List<String> envelopes, List<Finding> reasons) {

		void add(String envelopeId, List<Finding> findings) {
			this.envelopes.add(envelopeId);
			this.reasons.addAll(findings);
		}

	}

	/** A decision frame for a group of envelopes with the same reasons. */
	private Map<String, Object> groupRow(ReasonGroup group) {
		Map<String, Object> row = new HashMap<>();
		row.put("envelopeId", Rows.counted(group.envelopes().size(), "envelope"));
		row.put("title", group.codes());
		Map<String, Long> byCode = group.reasons()
			.stream()
			.collect(Collectors.groupingBy((finding) -> finding.code().code() + " (" + finding.severity().label() + ")",
					java.util.TreeMap::new, Collectors.counting()));
		List<String> lines = new ArrayList<>();
		lines.add("• Each has findings of these codes: " + byCode.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " ×" + Rows.count(entry.getValue()))
			.collect(Collectors.joining(", ")) + " in all — every one in findings.json.");
		List<String> ids = group.envelopes();
		lines.add("• " + String.join(", ", ids.subList(0, Math.min(NAMED, ids.size())))
				+ ((ids.size() > NAMED) ? " and " + Rows.count(ids.size() - NAMED) + " more" : "")
				+ " — each in the table \"" + AllEnvelopesSection.TITLE + "\".");
		lines.add("• One answer below covers all of them; to answer some differently, answer each in the "
				+ "decisions file, which has an entry per envelope.");
		row.put("reasons", String.join("\n", lines));
		row.put("members", members());
		row.put("due", due());
		return row;
	}

	private String due() {
		return "Decision due by " + DAY.format(decideBy().lastInstant()) + " (end of " + decideBy().label()
				+ "); a revise or retire falls due on the date the board sets, by default " + DEFAULT_DUE_DAYS
				+ " days after the decision (review.decisions.default-due).";
	}

	/**
	 * Why the board must decide, one line per reason, then the largest groups of the
	 * envelope's action findings (SPEC §9), so the volume behind the decision is in view.
	 */
	private String reasons(String envelopeId, List<Finding> reasons) {
		List<String> lines = new ArrayList<>();
		reasons.forEach((finding) -> lines
			.add("• " + finding.code().code() + " (" + finding.severity().label() + "): " + finding.explanation()));
		List<FindingGroup> actionGroups = this.facts.groupsOf(envelopeId)
			.stream()
			.filter((group) -> group.first().finding().actionId() != null)
			.toList();
		if (!actionGroups.isEmpty()) {
			long findings = actionGroups.stream().mapToLong(FindingGroup::count).sum();
			lines.add("• Under it, " + Rows.counted(findings, "action finding") + " in "
					+ Rows.counted(actionGroups.size(), "group") + "; the first: "
					+ actionGroups.stream()
						.limit(ACTION_GROUPS)
						.map((group) -> group.code().code() + " ×" + Rows.count(group.count())
								+ ((group.agent() != null) ? " by " + group.agent() : "")
								+ ((group.outOfScopeValue() != null) ? " (" + group.outOfScopeValue() + ")" : ""))
						.collect(Collectors.joining("; "))
					+ " — see its section.");
		}
		return String.join("\n", lines);
	}

	/** The period whose review reports a request of this pack left unanswered. */
	private Period decideBy() {
		return DecisionDeadlines.next(this.review.period());
	}

	private JRDataSource members() {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (Board.Member member : this.review.board().members()) {
			rows.add(Map.of("name", member.name(), "role", (member.role() != null) ? member.role() : ""));
		}
		return rows(rows);
	}

}
