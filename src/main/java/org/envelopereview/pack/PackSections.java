package org.envelopereview.pack;

import java.math.BigInteger;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

import org.envelopereview.envelope.ActionClass;
import org.envelopereview.envelope.Board;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.Scope;
import org.envelopereview.review.BoardReview;
import org.envelopereview.review.BoardReview.EnvelopeReview;
import org.envelopereview.review.BoardReview.ScopeMeasurement;
import org.envelopereview.review.Finding;
import org.envelopereview.review.Severity;

/**
 * Turns a {@link BoardReview} into the parameters and data sources of the pack's
 * templates. Data sources are single-use, so every call builds fresh ones.
 */
class PackSections {

	private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private static final int RAW_TEXT_LIMIT = 600;

	private final BoardReview review;

	private final PackManifest manifest;

	private final Map<String, JasperReport> subreports;

	private final Set<String> reviewedEnvelopes;

	PackSections(BoardReview review, PackManifest manifest, Map<String, JasperReport> subreports) {
		this.review = review;
		this.manifest = manifest;
		this.subreports = subreports;
		this.reviewedEnvelopes = review.envelopes()
			.stream()
			.map(EnvelopeReview::envelopeId)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** An entry of the table of contents; {@code anchor} names the place in the body. */
	record TocEntry(String title, int level, String anchor) {
	}

	List<TocEntry> tableOfContents() {
		List<TocEntry> entries = new ArrayList<>();
		entries.add(new TocEntry("Executive summary", 1, "summary"));
		entries.add(new TocEntry("Decisions requested", 1, "decisions"));
		entries.add(new TocEntry("Envelopes", 1, "envelopes"));
		for (EnvelopeReview envelope : this.review.envelopes()) {
			String title = (envelope.envelope() != null) ? " — " + envelope.envelope().title() : " (invalid file)";
			entries.add(new TocEntry(envelope.envelopeId() + title, 2, "envelope-" + envelope.envelopeId()));
		}
		entries.add(new TocEntry("Out-of-scope action register", 1, "register"));
		entries.add(new TocEntry("Audit-trail integrity", 1, "integrity"));
		entries.add(new TocEntry("Quarantined input", 1, "quarantine"));
		entries.add(new TocEntry("Appendix: method, control mapping, manifest", 1, "appendix"));
		return entries;
	}

	Map<String, Object> common() {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("BOARD_NAME", this.review.board().name());
		parameters.put("BOARD_ID", this.review.board().id());
		parameters.put("PERIOD", this.review.period().label());
		parameters.put("RUN_LABEL", runLabel());
		parameters.put("DEVELOPMENT_KEY", this.manifest.signer().developmentKey());
		parameters.put("SUBREPORTS", this.subreports);
		return parameters;
	}

	String runLabel() {
		return "Run " + this.review.runNumber() + " (id " + this.review.runId() + ") · " + this.review.board().id()
				+ " · " + this.review.period().label();
	}

	Map<String, Object> front(Integer totalPages) {
		Map<String, Object> parameters = common();
		parameters.put("PERIOD_RANGE", periodRange());
		parameters.put("SIGNER_NAME", this.manifest.signer().subject());
		parameters.put("SIGNER_FINGERPRINT", this.manifest.signer().certificateSha256());
		parameters.put("SOFTWARE_VERSION", this.manifest.softwareVersion());
		parameters.put("FINDINGS_HEADLINE", headline());
		parameters.put("TOTAL_PAGES", totalPages);
		List<Map<String, ?>> facts = new ArrayList<>();
		facts.add(fact("Board", this.review.board().id()));
		facts.add(fact("Run", "#" + this.review.runNumber() + " (id " + this.review.runId() + ")"));
		facts.add(fact("Window", periodRange()));
		facts.add(fact("Signer", commonName(this.manifest.signer().subject())
				+ (this.manifest.signer().developmentKey() ? " (development key)" : "")));
		facts.add(fact("Certificate SHA-256", this.manifest.signer().certificateSha256()));
		facts.add(fact("Software", "Envelope Review " + this.manifest.softwareVersion()));
		parameters.put("COVER_FACTS", rows(facts));
		parameters.put("INPUTS", digests(this.manifest.inputs()));
		return parameters;
	}

	JRDataSource tableOfContentsRows(Map<String, Integer> pages) {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (TocEntry entry : tableOfContents()) {
			Integer page = pages.get(entry.anchor());
			rows.add(Map.of("title", entry.title(), "level", entry.level(), "anchor", entry.anchor(), "page",
					(page != null) ? page.toString() : ""));
		}
		return rows(rows);
	}

	Map<String, Object> body(int pageOffset) {
		Map<String, Object> parameters = common();
		parameters.put("PAGE_OFFSET", pageOffset);
		Map<String, Map<String, Object>> sections = new HashMap<>();
		sections.put("summary", summary());
		sections.put("decisions", decisions());
		sections.put("envelopes", envelopes());
		sections.put("register", register());
		sections.put("integrity", integrity());
		sections.put("quarantine", quarantine());
		sections.put("appendix", appendix());
		parameters.put("SECTIONS", sections);
		return parameters;
	}

	private Map<String, Object> section(String report, JRDataSource data) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("REPORT", this.subreports.get(report));
		parameters.put("DATA", data);
		parameters.put("SUBREPORTS", this.subreports);
		return parameters;
	}

	private Map<String, Object> summary() {
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
					FindingPresentation.meaning(org.envelopereview.review.FindingCode.fromCode(code))));
		}
		Map<String, Object> parameters = section("summary", rows(counts));
		parameters.put("HEADLINE", headline());
		List<String[]> metrics = new ArrayList<>();
		metrics.add(new String[] { "findings", Integer.toString(findings.size()) });
		for (Severity severity : Severity.values()) {
			metrics.add(new String[] { severity.label(), bySeverity.get(severity).toString() });
		}
		metrics.add(new String[] { "envelopes", Integer.toString(this.review.envelopes().size()) });
		metrics.add(new String[] { "flagged actions", Integer.toString(flaggedActions().size()) });
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
		return parameters;
	}

	private List<Map<String, ?>> scopeChart() {
		TreeSet<String> periods = new TreeSet<>();
		this.review.envelopes().forEach((envelope) -> envelope.trend().forEach((m) -> periods.add(m.period())));
		List<Map<String, ?>> rows = new ArrayList<>();
		for (String period : periods) {
			for (EnvelopeReview envelope : this.review.envelopes()) {
				for (ScopeMeasurement measurement : envelope.trend()) {
					if (measurement.period().equals(period)) {
						rows.add(chartRow(period, envelope.envelopeId(), measurement.resources()));
					}
				}
			}
		}
		return rows;
	}

	private List<Map<String, ?>> scopeChanges() {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (EnvelopeReview envelope : this.review.envelopes()) {
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
			row.put("findings", (int) findingsOf(envelope.envelopeId()).size());
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

	private Map<String, Object> decisions() {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (EnvelopeReview envelope : this.review.envelopes()) {
			List<Finding> reasons = findingsOf(envelope.envelopeId()).stream()
				.filter((finding) -> finding.code().code().startsWith("ENV-")
						|| finding.code().code().startsWith("EXP-"))
				.toList();
			if (reasons.isEmpty()) {
				continue;
			}
			Map<String, Object> row = new HashMap<>();
			row.put("envelopeId", envelope.envelopeId());
			row.put("title", (envelope.envelope() != null) ? envelope.envelope().title() : null);
			row.put("reasons",
					reasons.stream()
						.map((finding) -> "• " + finding.code().code() + " (" + finding.severity().label() + "): "
								+ finding.explanation())
						.collect(Collectors.joining("\n")));
			row.put("members", members());
			rows.add(row);
		}
		Map<String, Object> parameters = section("decisions", rows(rows));
		parameters.put("INTRODUCTION", rows.size() + " of " + this.review.envelopes().size()
				+ " envelopes are stale or have outgrown their approval (an ENV- or EXP- finding). For each, the board "
				+ "decides to re-approve it as is, revise it, or retire it; every member signs the line below it.");
		parameters.put("ACKNOWLEDGEMENT", "The members below have read this review pack for "
				+ this.review.period().label() + " and record the decisions above.");
		parameters.put("MEMBERS", members());
		return parameters;
	}

	private JRDataSource members() {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (Board.Member member : this.review.board().members()) {
			rows.add(Map.of("name", member.name(), "role", (member.role() != null) ? member.role() : ""));
		}
		return rows(rows);
	}

	private Map<String, Object> envelopes() {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (EnvelopeReview envelope : this.review.envelopes()) {
			Envelope declared = envelope.envelope();
			List<Finding> findings = findingsOf(envelope.envelopeId());
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
			row.put("findings", findingRows(findings));
			row.put("findingsHeading", "Findings (" + findings.size() + ")");
			rows.add(row);
		}
		return section("envelopes", rows(rows));
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
		facts.add(fact("Model versions", list(declared.modelVersions())));
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

	private Map<String, Object> register() {
		Map<String, List<Finding>> byAction = new LinkedHashMap<>();
		for (Finding finding : this.review.findings()) {
			if (finding.actionId() != null) {
				byAction.computeIfAbsent(finding.actionId(), (id) -> new ArrayList<>()).add(finding);
			}
		}
		List<Map<String, ?>> rows = new ArrayList<>();
		byAction.forEach((actionId, findings) -> rows.add(registerRow(actionId, findings)));
		Map<String, Object> parameters = section("register", rows(rows));
		parameters.put("INTRODUCTION", rows.size() + " actions were flagged in " + this.review.period().label()
				+ ". Each shows its findings, the rationale the agent recorded, the human approval or change "
				+ "reference recorded with it, and the remaining evidence."
				+ (this.review.receivesUnassigned()
						? " This board also receives findings that belong to no board; they are marked unassigned."
						: ""));
		List<Finding> other = this.review.findings()
			.stream()
			.filter((finding) -> finding.actionId() == null && !reviewed(finding)
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

	private Map<String, Object> integrity() {
		BoardReview.IntegrityReport integrity = this.review.integrity();
		List<Map<String, ?>> breaks = new ArrayList<>();
		integrity.breaks().forEach((b) -> {
			Map<String, Object> row = new HashMap<>();
			row.put("agent", b.agent());
			row.put("seq", Long.toString(b.seq()));
			row.put("actionId", (b.actionId() != null) ? b.actionId() : "(missing)");
			row.put("occurredAt", (b.occurredAt() != null) ? INSTANT.format(b.occurredAt()) : "–");
			row.put("kind", b.kind().name().replace('_', ' ').toLowerCase(Locale.ROOT));
			row.put("detail", b.detail());
			breaks.add(row);
		});
		Map<String, Object> parameters = section("integrity", new net.sf.jasperreports.engine.JREmptyDataSource(0));
		boolean intact = integrity.breaks().isEmpty();
		parameters.put("STATUS",
				intact ? "INTACT — " + count(integrity.rowsChecked())
						+ " rows checked; every agent's hash chain verifies"
						: "BROKEN — " + plural(integrity.breaks().size(), "break") + " in "
								+ count(integrity.rowsChecked()) + " rows checked");
		parameters.put("STATUS_COLOR", intact ? "#1E7B34" : "#B00020");
		parameters
			.put("EXPLANATION", "Every action row carries hash = SHA-256(canonical JSON of the record + prevHash), "
					+ "chained per agent by seq. The review recomputed every hash and walked every chain: an edited row "
					+ "shows as a hash mismatch, an inserted, removed or reordered row as a prevHash mismatch or a seq gap "
					+ "or repeat.");
		parameters.put("BREAKS", rows(breaks));
		parameters.put("FINDINGS",
				findingRows(this.review.findings()
					.stream()
					.filter((finding) -> finding.code().code().startsWith("LOG-"))
					.toList()));
		return parameters;
	}

	private Map<String, Object> quarantine() {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (BoardReview.QuarantinedRecord record : this.review.quarantined()) {
			Map<String, Object> row = new HashMap<>();
			row.put("source", record.sourceName() + " : " + record.lineNumber());
			row.put("recordId", (record.recordId() != null) ? record.recordId() : "–");
			row.put("occurredAt", (record.occurredAt() != null) ? INSTANT.format(record.occurredAt()) : "–");
			row.put("reason", record.reason());
			row.put("raw", abbreviate(record.rawText()));
			rows.add(row);
		}
		Map<String, Object> parameters = section("quarantine", new net.sf.jasperreports.engine.JREmptyDataSource(0));
		parameters.put("EXPLANATION", rows.size() + " input records falling in " + this.review.period().label()
				+ " could not become actions. They were set aside with their source, line and reason, not dropped; "
				+ "the rest of each file was ingested.");
		parameters.put("RECORDS", rows(rows));
		return parameters;
	}

	private Map<String, Object> appendix() {
		Map<String, Object> parameters = section("appendix", new net.sf.jasperreports.engine.JREmptyDataSource(0));
		parameters.put("METHOD", "The review loaded every envelope file of the board and the boards.yaml directory, "
				+ "took every action recorded for " + this.review.period().label() + " (" + periodRange()
				+ ") and the history before it, and evaluated the finding rules of SPEC §4 as of the period's last "
				+ "instant. Exercised scope is measured per period from the actions themselves; addresses and ports "
				+ "count opening actions only. Findings with no board go to the default board. findings.json, "
				+ "findings.csv and manifest.json are embedded in this PDF as associated files and written beside it; "
				+ "the PAdES signature covers the whole document, attachments included.");
		Map<String, Set<String>> controls = new TreeMap<>();
		FindingPresentation.CONTROLS.keySet().forEach((control) -> controls.put(control, new TreeSet<>()));
		for (Finding finding : this.review.findings()) {
			for (String control : finding.controls()) {
				controls.computeIfAbsent(control, (c) -> new TreeSet<>()).add(finding.code().code());
			}
		}
		List<Map<String, ?>> rows = new ArrayList<>();
		controls.forEach(
				(control, codes) -> rows.add(Map.of("control", control, "meaning", FindingPresentation.control(control),
						"codes", codes.isEmpty() ? "none this period" : String.join(", ", codes))));
		parameters.put("CONTROLS", rows(rows));
		List<Map<String, ?>> facts = new ArrayList<>();
		facts.add(fact("Format", this.manifest.format()));
		facts.add(fact("Software", "Envelope Review " + this.manifest.softwareVersion()));
		facts.add(fact("Signer", this.manifest.signer().subject()));
		facts.add(fact("Certificate SHA-256", this.manifest.signer().certificateSha256()));
		facts.add(fact("Development key", this.manifest.signer().developmentKey() ? "yes — not for submission" : "no"));
		parameters.put("MANIFEST_FACTS", rows(facts));
		parameters.put("MANIFEST_NOTE", "manifest.json records the SHA-256 of every input and output; "
				+ "`envelope-review verify review-pack.pdf` checks the embedded files against it and the signature "
				+ "over the whole file.");
		parameters.put("INPUTS", digests(this.manifest.inputs()));
		parameters.put("OUTPUTS", digests(this.manifest.outputs()));
		return parameters;
	}

	String headline() {
		List<Finding> findings = this.review.findings();
		Map<Severity, Long> bySeverity = findings.stream()
			.collect(Collectors.groupingBy(Finding::severity, () -> new EnumMap<>(Severity.class),
					Collectors.counting()));
		long decisions = this.review.envelopes()
			.stream()
			.filter((e) -> findingsOf(e.envelopeId()).stream()
				.anyMatch((f) -> f.code().code().startsWith("ENV-") || f.code().code().startsWith("EXP-")))
			.count();
		int breaks = this.review.integrity().breaks().size();
		return findings.size() + " findings in " + this.review.period().label() + ": "
				+ bySeverity.getOrDefault(Severity.CRITICAL, 0L) + " critical, "
				+ bySeverity.getOrDefault(Severity.HIGH, 0L) + " high, " + bySeverity.getOrDefault(Severity.MEDIUM, 0L)
				+ " medium, " + bySeverity.getOrDefault(Severity.LOW, 0L) + " low. " + decisions + " of "
				+ this.review.envelopes().size() + " envelopes need a decision; " + flaggedActions().size()
				+ " actions were flagged; the audit trail "
				+ ((breaks == 0) ? "is intact" : "has " + plural(breaks, "chain break")) + "; "
				+ this.review.quarantined().size() + " input records were quarantined.";
	}

	private Set<String> flaggedActions() {
		return this.review.findings()
			.stream()
			.map(Finding::actionId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
	}

	private List<Finding> findingsOf(String envelopeId) {
		return this.review.findings().stream().filter((f) -> envelopeId.equals(f.envelopeId())).toList();
	}

	private boolean reviewed(Finding finding) {
		return finding.envelopeId() != null && this.reviewedEnvelopes.contains(finding.envelopeId());
	}

	private static JRDataSource findingRows(List<Finding> findings) {
		List<Map<String, ?>> rows = new ArrayList<>(findings.size());
		for (Finding finding : findings) {
			Map<String, Object> row = new HashMap<>();
			row.put("severity", finding.severity().label().toUpperCase(Locale.ROOT));
			row.put("severityColor", FindingPresentation.color(finding.severity()));
			row.put("code", finding.code().code());
			String subject = (finding.actionId() != null) ? finding.actionId()
					: (finding.envelopeId() != null) ? finding.envelopeId() : "–";
			row.put("subject", subject + (finding.unassigned() ? "\n(unassigned)" : ""));
			row.put("explanation", finding.explanation());
			List<String> details = new ArrayList<>();
			if (!finding.evidence().isEmpty()) {
				details.add("Evidence: " + pairs(finding.evidence()));
			}
			if (!finding.controls().isEmpty()) {
				details.add("Controls: " + String.join(", ", finding.controls()));
			}
			row.put("details", details.isEmpty() ? null : String.join("\n", details));
			rows.add(row);
		}
		return rows(rows);
	}

	private static JRDataSource digests(List<PackManifest.FileDigest> digests) {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (PackManifest.FileDigest digest : digests) {
			rows.add(Map.of("name", digest.name(), "sha256", digest.sha256(), "size",
					(digest.size() != null) ? String.format(Locale.ROOT, "%,d", digest.size()) : "–"));
		}
		return rows(rows);
	}

	private String periodRange() {
		return DAY.format(this.review.period().start()) + " to " + DAY.format(this.review.period().lastInstant())
				+ " inclusive (UTC)";
	}

	private static Map<String, ?> fact(String label, String value) {
		return Map.of("label", label, "value", (value != null) ? value : "–");
	}

	private static Map<String, ?> chartRow(String category, String series, Number value) {
		return Map.of("category", category, "series", series, "value", value);
	}

	private static JRDataSource rows(Collection<Map<String, ?>> rows) {
		return new JRMapCollectionDataSource(rows);
	}

	private static String list(List<?> values) {
		if (values == null) {
			return "any";
		}
		if (values.isEmpty()) {
			return "none";
		}
		return values.stream().map(Object::toString).collect(Collectors.joining(", "));
	}

	private static String plural(long count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

	private static String commonName(String distinguishedName) {
		try {
			for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(distinguishedName).getRdns()) {
				if ("CN".equalsIgnoreCase(rdn.getType())) {
					return rdn.getValue().toString();
				}
			}
		}
		catch (javax.naming.InvalidNameException ex) {
			// show the name as it is
		}
		return distinguishedName;
	}

	private static String orNone(Integer value) {
		return (value != null) ? value.toString() : "not set";
	}

	private static String duration(Duration duration) {
		if (duration.toMinutes() < 120) {
			return duration.toMinutes() + " min";
		}
		return (duration.toHours() < 48) ? duration.toHours() + " h" : duration.toDays() + " days";
	}

	private static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	/**
	 * Counts that no longer read as numbers (IPv6 address space) are shown as powers of
	 * two.
	 */
	private static String count(BigInteger value) {
		if (value == null) {
			return "–";
		}
		if (value.bitLength() > 40 && value.bitCount() == 1) {
			return "2^" + (value.bitLength() - 1);
		}
		if (value.bitLength() > 40) {
			return "≈2^" + (value.bitLength() - 1);
		}
		return String.format(Locale.ROOT, "%,d", value);
	}

	private static String pairs(Map<String, String> values) {
		return values.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return "–";
		}
		if (text.length() <= RAW_TEXT_LIMIT) {
			return text;
		}
		return text.substring(0, RAW_TEXT_LIMIT) + " … (" + (text.length() - RAW_TEXT_LIMIT) + " more characters)";
	}

	/** Escapes text shown in styled-markup fields. */
	private static String escape(String text) {
		if (text == null) {
			return "";
		}
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
