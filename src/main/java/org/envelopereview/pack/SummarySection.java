package org.envelopereview.pack;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import net.sf.jasperreports.engine.JasperReport;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCatalogue;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.FindingGroup;
import org.envelopereview.finding.Severity;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.review.output.BoardReview.EnvelopeReview;
import org.envelopereview.review.scope.ScopeMeasurement;

import static org.envelopereview.pack.Rows.chartRow;
import static org.envelopereview.pack.Rows.count;
import static org.envelopereview.pack.Rows.rows;

/**
 * The executive summary: headline, metrics, charts, counts by code and severity, and
 * scope against the previous period.
 */
final class SummarySection implements PackSection {

	/**
	 * Height of the groups the summary shows ({@link GroupRows#shown}): eight large ones.
	 */
	static final int GROUP_BUDGET = 32;

	/**
	 * Envelopes the chart of exercised scope draws a line for; when there are more, one
	 * more line is the mean of the others, so that its legend stays readable.
	 */
	static final int CHART_ENVELOPES = 10;

	private final BoardReview review;

	private final ReviewFacts facts;

	private final Map<String, JasperReport> subreports;

	SummarySection(ReviewFacts facts, Map<String, JasperReport> subreports) {
		this.review = facts.review();
		this.facts = facts;
		this.subreports = subreports;
	}

	@Override
	public String key() {
		return "summary";
	}

	@Override
	public List<TocEntry> contents() {
		return List.of(new TocEntry("Executive summary", 1));
	}

	@Override
	public Map<String, Object> parameters() {
		List<Finding> findings = this.review.findings();
		Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
		for (Severity severity : Severity.values()) {
			bySeverity.put(severity, 0);
		}
		Map<String, int[]> byCodeAndSeverity = new TreeMap<>();
		Map<String, Integer> byCode = new TreeMap<>();
		for (Finding finding : findings) {
			bySeverity.merge(finding.severity(), 1, Integer::sum);
			byCode.merge(finding.code().code(), 1, Integer::sum);
			String key = finding.severity().ordinal() + "|" + finding.code().code();
			byCodeAndSeverity.computeIfAbsent(key, (k) -> new int[1])[0]++;
		}
		List<Map<String, ?>> counts = new ArrayList<>();
		for (Map.Entry<String, int[]> entry : byCodeAndSeverity.entrySet()) {
			Severity severity = Severity.values()[Integer.parseInt(entry.getKey().substring(0, 1))];
			String code = entry.getKey().substring(2);
			counts.add(Map.of("code", code, "severity", severity.label(), "severityColor",
					FindingPresentation.color(severity), "count", entry.getValue()[0], "meaning",
					FindingCatalogue.shipped().entry(FindingCode.fromCode(code)).meaning()));
		}
		Map<String, Object> parameters = PackSections.section(this.subreports, "summary", rows(counts));
		parameters.put("HEADLINE", this.facts.headline());
		List<String[]> metrics = new ArrayList<>();
		metrics.add(new String[] { "findings", Integer.toString(findings.size()) });
		for (Severity severity : Severity.values()) {
			metrics.add(new String[] { severity.label(), bySeverity.get(severity).toString() });
		}
		metrics.add(new String[] { "envelopes", Integer.toString(this.review.envelopes().size()) });
		metrics.add(new String[] { "flagged actions", Integer.toString(this.facts.flaggedActions().size()) });
		metrics.add(new String[] { "chain breaks", Integer.toString(this.review.integrity().breaks().size()) });
		parameters.put("METRICS", metrics);
		List<Map<String, ?>> severityChart = new ArrayList<>();
		bySeverity.forEach((severity, count) -> severityChart.add(chartRow(severity.label(), "Findings", count)));
		parameters.put("SEVERITY_CHART", rows(severityChart));
		List<Map<String, ?>> codeChart = new ArrayList<>();
		byCode.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.forEach((entry) -> codeChart.add(chartRow(entry.getKey(), "Findings", entry.getValue())));
		parameters.put("CODE_CHART", rows(codeChart));
		parameters.put("SCOPE_CHART", rows(scopeChart()));
		parameters.put("TREND", rows(scopeChanges()));
		EnvelopeBudget budget = this.facts.envelopes();
		parameters.put("TREND_MORE", !budget.overflows() ? null
				: "These are the " + budget.detailed().size() + " envelopes with a section in this pack; the other "
						+ Rows.count(budget.undetailed()) + " envelopes' actions in " + this.review.period().label()
						+ " are in the table \"" + AllEnvelopesSection.TITLE + "\", and a growth past the threshold is "
						+ "an EXP-SCOPE-GROWTH finding (findings.json).");
		List<FindingGroup> groups = this.facts.groups();
		parameters.put("GROUPS", GroupRows.rows(groups, GROUP_BUDGET));
		parameters.put("GROUPS_MORE", GroupRows.more(groups, GROUP_BUDGET));
		parameters.put("GROUPS_HEADING",
				(groups.size() == findings.size()) ? "What needs deciding first: findings by severity"
						: "What needs deciding first: " + Rows.plural(groups.size(), "finding group")
								+ ", by severity, then size");
		return parameters;
	}

	/**
	 * Distinct resources exercised per period: a line per envelope, at most
	 * {@value #CHART_ENVELOPES} of them (those with the most in their latest period), and
	 * the mean of the others as one more line.
	 */
	private List<Map<String, ?>> scopeChart() {
		TreeSet<String> periods = new TreeSet<>();
		this.review.envelopes().forEach((envelope) -> envelope.trend().forEach((m) -> periods.add(m.period())));
		List<EnvelopeReview> measured = this.review.envelopes()
			.stream()
			.filter((envelope) -> !envelope.trend().isEmpty())
			.toList();
		List<EnvelopeReview> charted = measured;
		List<EnvelopeReview> others = List.of();
		if (measured.size() > CHART_ENVELOPES) {
			List<EnvelopeReview> ranked = measured.stream()
				.sorted(Comparator.comparingInt(SummarySection::latestResources)
					.reversed()
					.thenComparing(EnvelopeReview::envelopeId))
				.toList();
			charted = ranked.subList(0, CHART_ENVELOPES);
			others = ranked.subList(CHART_ENVELOPES, ranked.size());
		}
		List<Map<String, ?>> rows = new ArrayList<>();
		for (String period : periods) {
			for (EnvelopeReview envelope : charted) {
				for (ScopeMeasurement measurement : envelope.trend()) {
					if (measurement.period().equals(period)) {
						rows.add(chartRow(period, envelope.envelopeId(), measurement.resources()));
					}
				}
			}
			if (!others.isEmpty()) {
				long sum = 0;
				for (EnvelopeReview envelope : others) {
					sum += envelope.trend()
						.stream()
						.filter((measurement) -> measurement.period().equals(period))
						.mapToLong(ScopeMeasurement::resources)
						.sum();
				}
				rows.add(chartRow(period, "others (" + Rows.counted(others.size(), "envelope") + ", mean)",
						Math.round(10.0 * sum / others.size()) / 10.0));
			}
		}
		return rows;
	}

	/** The distinct resources of an envelope's latest measured period. */
	private static int latestResources(EnvelopeReview envelope) {
		return envelope.trend().get(envelope.trend().size() - 1).resources();
	}

	/**
	 * Exercised scope this period against the previous one: every envelope of a board
	 * whose envelopes all have a section, else those with one.
	 */
	private List<Map<String, ?>> scopeChanges() {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (EnvelopeReview envelope : this.facts.envelopes().detailed()) {
			List<ScopeMeasurement> trend = envelope.trend();
			ScopeMeasurement now = trend.isEmpty() ? null : trend.get(trend.size() - 1);
			ScopeMeasurement before = (trend.size() < 2) ? null : trend.get(trend.size() - 2);
			Map<String, Object> row = new HashMap<>();
			row.put("envelope", envelope.envelopeId());
			row.put("actions", change(before, now, (m) -> BigInteger.valueOf(m.actionCount())));
			row.put("resources", change(before, now, (m) -> BigInteger.valueOf(m.resources())));
			row.put("addresses", change(before, now, ScopeMeasurement::ipv4Addresses));
			row.put("ports", change(before, now, (m) -> BigInteger.valueOf(m.ports())));
			row.put("openRules", change(before, now, (m) -> BigInteger.valueOf(m.openRulesEnd())));
			row.put("findings", (int) this.facts.findingsOf(envelope.envelopeId()).size());
			rows.add(row);
		}
		return rows;
	}

	private static String change(ScopeMeasurement before, ScopeMeasurement now,
			Function<ScopeMeasurement, BigInteger> value) {
		String current = (now != null) ? count(value.apply(now)) : "–";
		String previous = (before != null) ? count(value.apply(before)) : "–";
		return previous + " → " + current;
	}

}
