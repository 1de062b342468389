package org.envelopereview.pack;

import java.util.ArrayList;
import java.util.HashMap;
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
		List<Map<String, ?>> rows = new ArrayList<>();
		for (EnvelopeReview envelope : this.review.envelopes()) {
			List<Finding> reasons = this.facts.decisionReasons(envelope.envelopeId());
			if (reasons.isEmpty()) {
				continue;
			}
			Map<String, Object> row = new HashMap<>();
			row.put("envelopeId", envelope.envelopeId());
			row.put("title", (envelope.envelope() != null) ? envelope.envelope().title() : null);
			row.put("reasons", reasons(envelope.envelopeId(), reasons));
			row.put("members", members());
			row.put("due",
					"Decision due by " + DAY.format(decideBy().lastInstant()) + " (end of " + decideBy().label()
							+ "); a revise or retire falls due on the date the board sets, by default "
							+ DEFAULT_DUE_DAYS + " days after the decision (review.decisions.default-due).");
			rows.add(row);
		}
		Map<String, Object> parameters = PackSections.section(this.subreports, "decisions", rows(rows));
		parameters.put("INTRODUCTION", rows.size() + " of " + this.review.envelopes().size()
				+ " envelopes are stale or have outgrown their approval (an ENV- or EXP- finding). For each, the board "
				+ "decides to re-approve it as is, revise it, or retire it; every member signs the line below it.");
		parameters.put("ACKNOWLEDGEMENT", "The members below have read this review pack for "
				+ this.review.period().label() + " and record the decisions above.");
		parameters.put("MEMBERS", members());
		String period = this.review.period().label();
		String board = this.review.board().id();
		parameters.put("COMMAND",
				"After the meeting, record the board's decisions:\n  " + DecisionTemplates.command(period, board)
						+ "\n  (fill in decisions/" + period + "/" + board
						+ ".yaml)\n  envelope-review decisions record decisions/" + period + "/" + board + ".yaml\n"
						+ "A request left unanswered by " + DAY.format(decideBy().lastInstant())
						+ " becomes DEC-UNDECIDED in the " + decideBy().label() + " review.");
		parameters.putAll(RecommendationRows.decisionsPage(this.review.envelopes()));
		return parameters;
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
