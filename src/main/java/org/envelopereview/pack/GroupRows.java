package org.envelopereview.pack;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.JRDataSource;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingGroup;
import org.envelopereview.finding.StoredFinding;

import static org.envelopereview.pack.Rows.INSTANT;
import static org.envelopereview.pack.Rows.chartRow;
import static org.envelopereview.pack.Rows.count;

/**
 * Rows of finding groups for the pack's tables (SPEC §9). A group of one reads as the
 * finding itself; a larger group shows its count, first and last occurrence, up to three
 * examples and, when large, its occurrences per week. A table shows at most its budget of
 * groups and says how many it left to the attachments.
 */
final class GroupRows {

	/** A group this large gets a chart of its occurrences per week. */
	static final int CHART_FROM = 10;

	private static final int EXAMPLE_LIMIT = 130;

	private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

	private GroupRows() {
	}

	/**
	 * What a larger group's row costs against a table's budget, in rows of a single
	 * finding (its examples and chart take about four times the height).
	 */
	static final int GROUP_ROW_COST = 4;

	/**
	 * How many of the groups, from the first, fit a budget of {@code units} rows of a
	 * single finding: the budget is a height, so that a small review shows every finding
	 * as it always did and a large one a few pages of its largest groups.
	 */
	static int shown(List<FindingGroup> groups, int units) {
		int used = 0;
		int shown = 0;
		for (FindingGroup group : groups) {
			used += group.single() ? 1 : GROUP_ROW_COST;
			if (used > units) {
				break;
			}
			shown++;
		}
		return shown;
	}

	/** Rows of findings-table.jrxml for the groups that fit {@code units}. */
	static JRDataSource rows(List<FindingGroup> groups, int units) {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (FindingGroup group : groups.subList(0, shown(groups, units))) {
			rows.add(row(group));
		}
		return Rows.rows(rows);
	}

	static Map<String, Object> row(FindingGroup group) {
		if (group.single()) {
			return Rows.findingRow(group.first().finding());
		}
		Map<String, Object> row = Rows.findingRow(group.first().finding());
		row.put("subject", count(group.count()) + " findings" + ((group.agent() != null) ? "\n" + group.agent() : "")
				+ (group.first().finding().unassigned() ? "\n(unassigned)" : ""));
		row.put("explanation", headline(group));
		row.put("examples", examples(group, false));
		row.put("weekly", weekly(group));
		row.put("details", group.first().finding().controls().isEmpty() ? null
				: "Controls: " + String.join(", ", group.first().finding().controls()));
		return row;
	}

	/**
	 * What the group is: how many findings, by which agent, on which out-of-scope value,
	 * over which time.
	 */
	static String headline(FindingGroup group) {
		StringBuilder headline = new StringBuilder();
		headline.append(count(group.count())).append(" findings");
		if (group.agent() != null) {
			headline.append(" by ").append(group.agent());
		}
		if (group.outOfScopeValue() != null) {
			headline.append(", ").append(dimension(group)).append(' ').append(group.outOfScopeValue());
		}
		if (group.envelopeId() != null) {
			headline.append(", envelope ").append(group.envelopeId());
		}
		if (group.firstOccurrence() != null) {
			headline.append(", first ")
				.append(INSTANT.format(group.firstOccurrence()))
				.append(", last ")
				.append(INSTANT.format(group.lastOccurrence()));
		}
		return headline.append('.').toString();
	}

	/**
	 * Up to three examples, one a line; with the recorded rationale and approval for the
	 * register (styled text there, so escaped).
	 */
	static String examples(FindingGroup group, boolean withRecord) {
		return "Examples:\n" + group.examples()
			.stream()
			.map((stored) -> "• " + example(stored, withRecord))
			.collect(Collectors.joining("\n"));
	}

	private static String example(StoredFinding stored, boolean withRecord) {
		Finding finding = stored.finding();
		String explanation = finding.explanation();
		if (explanation.length() > EXAMPLE_LIMIT) {
			explanation = explanation.substring(0, EXAMPLE_LIMIT - 1) + "…";
		}
		String occurredAt = finding.evidence().get("occurredAt");
		String lead = ((finding.actionId() != null) ? finding.actionId() : "–")
				+ ((occurredAt != null && occurredAt.length() >= 16)
						? " (" + occurredAt.substring(0, 16).replace('T', ' ') + ")" : "")
				+ ": ";
		if (!withRecord) {
			return lead + explanation;
		}
		String rationale = recorded(finding, "rationale.");
		String approval = recorded(finding, "approval.");
		return Rows.escape(lead + explanation) + " <i>— rationale: " + Rows.escape(rationale) + "; approval: "
				+ Rows.escape(approval) + "</i>";
	}

	private static String recorded(Finding finding, String prefix) {
		String values = finding.evidence()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(prefix))
			.map((entry) -> entry.getKey().substring(prefix.length()) + "=" + entry.getValue())
			.collect(Collectors.joining(", "));
		return values.isEmpty() ? "none recorded" : values;
	}

	/**
	 * The chart rows of a large group's occurrences per week, or {@code null} for a small
	 * group or one within a single week.
	 */
	static List<Map<String, ?>> weekly(FindingGroup group) {
		if (group.count() < CHART_FROM || group.weeklyCounts().size() < 2) {
			return null;
		}
		List<Map<String, ?>> rows = new ArrayList<>();
		LocalDate week = group.weeklyCounts().firstKey();
		LocalDate last = group.weeklyCounts().lastKey();
		while (!week.isAfter(last)) {
			rows.add(chartRow(WEEK.format(week), "Findings", group.weeklyCounts().getOrDefault(week, 0L)));
			week = week.plusWeeks(1);
		}
		// rows, not a data source: a row moved to the next page is filled again, and a
		// data source is read once
		return rows;
	}

	/**
	 * The line under a table that left groups out, or {@code null} when it shows them
	 * all.
	 */
	static String more(List<FindingGroup> groups, int units) {
		int shown = shown(groups, units);
		if (groups.size() <= shown) {
			return null;
		}
		List<FindingGroup> left = groups.subList(shown, groups.size());
		long findings = left.stream().mapToLong(FindingGroup::count).sum();
		return Rows.counted(left.size(), "more group") + " (" + Rows.counted(findings, "finding")
				+ ") not shown here — see finding-groups.json / findings.json (attached to this pack).";
	}

	private static String dimension(FindingGroup group) {
		return switch (group.code()) {
			case OOS_PORT -> "port";
			case OOS_CIDR -> "CIDR";
			case OOS_REGION -> "region";
			case OOS_PROTOCOL -> "protocol";
			case OOS_ACTION_TYPE -> "type";
			case OOS_RESOURCE -> "resource";
			case OOS_MODEL -> "model";
			default -> "value";
		};
	}

}
