package org.envelopereview.pack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.JasperReport;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingGroup;
import org.envelopereview.finding.Severity;
import org.envelopereview.review.output.BoardReview;

import static org.envelopereview.pack.Rows.escape;
import static org.envelopereview.pack.Rows.pairs;
import static org.envelopereview.pack.Rows.rows;

/**
 * The out-of-scope action register, and the findings that name neither a reviewed
 * envelope nor an action.
 */
final class RegisterSection implements PackSection {

	/**
	 * Height of the rows the register shows, in rows of one action (a group's row costs
	 * {@link GroupRows#GROUP_ROW_COST}): a few pages whatever the volume (SPEC §9),
	 * fifteen large groups; the rest are in the attachments and the register annex.
	 */
	static final int ROW_BUDGET = 45;

	/** Findings naming neither a reviewed envelope nor an action the register shows. */
	static final int OTHER_BUDGET = 10;

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
		List<FindingGroup> actionGroups = this.facts.groups()
			.stream()
			.filter((group) -> group.first().finding().actionId() != null)
			.toList();
		Set<Finding> single = Collections.newSetFromMap(new IdentityHashMap<>());
		List<Entry> entries = new ArrayList<>();
		for (FindingGroup group : actionGroups) {
			if (group.single()) {
				single.add(group.first().finding());
			}
			else {
				entries.add(new Entry(group.severity(), group.count(), groupRow(group)));
			}
		}
		// findings that stand alone read as today: one row per action, all its findings
		Map<String, List<Finding>> byAction = new LinkedHashMap<>();
		for (Finding finding : this.review.findings()) {
			if (single.contains(finding)) {
				byAction.computeIfAbsent(finding.actionId(), (id) -> new ArrayList<>()).add(finding);
			}
		}
		byAction.forEach((actionId, findings) -> entries
			.add(new Entry(worst(findings), findings.size(), registerRow(actionId, findings))));
		entries.sort(
				Comparator.comparing(Entry::severity).thenComparing(Comparator.comparingLong(Entry::count).reversed()));
		List<Map<String, ?>> rows = new ArrayList<>();
		int shown = 0;
		int used = 0;
		for (Entry entry : entries) {
			used += (entry.count() > 1 && entry.row().containsKey("examples")) ? GroupRows.GROUP_ROW_COST : 1;
			if (used > ROW_BUDGET) {
				break;
			}
			rows.add(entry.row());
			shown++;
		}
		Map<String, Object> parameters = PackSections.section(this.subreports, "register", rows(rows));
		boolean grouped = entries.size() > 0 && actionGroups.stream().anyMatch((group) -> !group.single());
		parameters.put("INTRODUCTION", this.facts.flaggedActions().size() + " actions were flagged in "
				+ this.review.period().label()
				+ ". Each shows its findings, the rationale the agent recorded, the human "
				+ "approval or change reference recorded with it, and the remaining evidence."
				+ (grouped ? " Findings of the same code, envelope, agent and out-of-scope value are shown as one "
						+ "group: its count, first and last occurrence, three examples with their recorded rationale "
						+ "and approval, and for large groups the occurrences per week." : "")
				+ (this.review.receivesUnassigned()
						? " This board also receives findings that belong to no board; they are marked unassigned."
						: ""));
		if (entries.size() > shown) {
			List<Entry> left = entries.subList(shown, entries.size());
			parameters.put("MORE",
					Rows.counted(left.size(), "more group") + " ("
							+ Rows.counted(left.stream().mapToLong(Entry::count).sum(), "finding")
							+ ") not shown here — see finding-groups.json / findings.json (attached to this pack).");
		}
		List<FindingGroup> other = this.facts.groups()
			.stream()
			.filter((group) -> group.first().finding().actionId() == null
					&& !this.facts.reviewed(group.first().finding()) && !group.code().code().startsWith("LOG-"))
			.toList();
		parameters.put("OTHER_FINDINGS", GroupRows.rows(other, OTHER_BUDGET));
		parameters.put("OTHER_MORE", GroupRows.more(other, OTHER_BUDGET));
		return parameters;
	}

	private static Severity worst(List<Finding> findings) {
		return findings.stream().map(Finding::severity).min(Enum::compareTo).orElseThrow();
	}

	/** A register row for a group of findings on several actions. */
	private static Map<String, ?> groupRow(FindingGroup group) {
		Finding first = group.first().finding();
		Map<String, Object> row = new HashMap<>();
		row.put("actionId", Rows.count(group.count()) + " actions");
		row.put("envelope", ((group.envelopeId() != null) ? group.envelopeId() : "no envelope")
				+ ((group.agent() != null) ? " · " + group.agent() : "") + (first.unassigned() ? " · unassigned" : ""));
		row.put("severity", group.severity().label().toUpperCase(Locale.ROOT));
		row.put("severityColor", FindingPresentation.color(group.severity()));
		row.put("findings", "<b>" + escape(group.code().code()) + "</b> (" + group.severity().label() + "): "
				+ escape(GroupRows.headline(group)));
		row.put("examples", GroupRows.examples(group, true).replace("Examples:", "<b>Examples:</b>"));
		row.put("weekly", GroupRows.weekly(group));
		return row;
	}

	/** A row of the register and what orders it: severity, then how many findings. */
	private record Entry(Severity severity, long count, Map<String, ?> row) {
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
		Severity worst = worst(findings);
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
