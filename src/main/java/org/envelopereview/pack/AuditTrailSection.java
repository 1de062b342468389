package org.envelopereview.pack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.sf.jasperreports.engine.JasperReport;

import org.envelopereview.action.chain.IntegrityReport;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.FindingGroup;
import org.envelopereview.review.output.BoardReview;

import static org.envelopereview.pack.Rows.INSTANT;
import static org.envelopereview.pack.Rows.count;
import static org.envelopereview.pack.Rows.plural;
import static org.envelopereview.pack.Rows.rows;

/** Audit-trail integrity: the hash-chain walk, its breaks and the LOG- findings. */
final class AuditTrailSection implements PackSection {

	/**
	 * Height of the LOG- groups the section shows ({@link GroupRows#shown}): ten large
	 * ones.
	 */
	static final int GROUP_BUDGET = 40;

	/** Chain breaks the section lists; each is also a LOG-CHAIN-BROKEN finding. */
	static final int BREAK_BUDGET = 30;

	private final BoardReview review;

	private final ReviewFacts facts;

	private final Map<String, JasperReport> subreports;

	AuditTrailSection(ReviewFacts facts, Map<String, JasperReport> subreports) {
		this.review = facts.review();
		this.facts = facts;
		this.subreports = subreports;
	}

	@Override
	public String key() {
		return "integrity";
	}

	@Override
	public List<TocEntry> contents() {
		return List.of(new TocEntry("Audit-trail integrity", 1));
	}

	@Override
	public Map<String, Object> parameters() {
		IntegrityReport integrity = this.review.integrity();
		List<Map<String, ?>> breaks = new ArrayList<>();
		integrity.breaks().stream().limit(BREAK_BUDGET).forEach((b) -> {
			Map<String, Object> row = new HashMap<>();
			row.put("agent", b.agent());
			row.put("seq", Long.toString(b.seq()));
			row.put("actionId", (b.actionId() != null) ? b.actionId() : "(missing)");
			row.put("occurredAt", (b.occurredAt() != null) ? INSTANT.format(b.occurredAt()) : "–");
			row.put("kind", b.kind().name().replace('_', ' ').toLowerCase(Locale.ROOT));
			row.put("detail", b.detail());
			breaks.add(row);
		});
		if (integrity.breaks().size() > BREAK_BUDGET) {
			Map<String, Object> more = new HashMap<>();
			more.put("agent", "…");
			more.put("seq", "");
			more.put("actionId", "");
			more.put("occurredAt", "");
			more.put("kind", "");
			more.put("detail", plural(integrity.breaks().size() - BREAK_BUDGET, "more chain break")
					+ " not shown here — see findings.json (LOG-CHAIN-BROKEN, attached to this pack).");
			breaks.add(more);
		}
		Map<String, Object> parameters = PackSections.section(this.subreports, "integrity",
				new net.sf.jasperreports.engine.JREmptyDataSource(0));
		boolean intact = integrity.breaks().isEmpty();
		long suppressions = this.review.findings()
			.stream()
			.filter((finding) -> finding.code() == FindingCode.LOG_SUPPRESSION)
			.count();
		String status;
		if (!intact) {
			status = "BROKEN — " + plural(integrity.breaks().size(), "break") + " in " + count(integrity.rowsChecked())
					+ " rows checked";
		}
		else if (suppressions > 0) {
			// the chain only proves the stored rows were not altered: logging switched
			// off
			// means changes may be missing from it altogether
			status = "CHAIN INTACT, LOGGING SUPPRESSED — " + count(integrity.rowsChecked())
					+ " rows checked and every agent's hash chain verifies, but logging was switched off or narrowed "
					+ plural(suppressions, "time") + " (LOG-SUPPRESSION): see the log findings below";
		}
		else {
			status = "INTACT — " + count(integrity.rowsChecked()) + " rows checked; every agent's hash chain verifies";
		}
		parameters.put("STATUS", status);
		parameters.put("STATUS_COLOR", !intact ? "#B00020" : (suppressions > 0) ? "#9A5B00" : "#1E7B34");
		parameters
			.put("EXPLANATION", "Every action row carries hash = SHA-256(canonical JSON of the record + prevHash), "
					+ "chained per agent by seq. The review recomputed every hash and walked every chain: an edited row "
					+ "shows as a hash mismatch, an inserted, removed or reordered row as a prevHash mismatch or a seq gap "
					+ "or repeat.");
		parameters.put("BREAKS", rows(breaks));
		List<FindingGroup> logGroups = this.facts.groups()
			.stream()
			.filter((group) -> group.code().code().startsWith("LOG-"))
			.toList();
		parameters.put("FINDINGS", GroupRows.rows(logGroups, GROUP_BUDGET));
		parameters.put("FINDINGS_MORE", GroupRows.more(logGroups, GROUP_BUDGET));
		return parameters;
	}

}
