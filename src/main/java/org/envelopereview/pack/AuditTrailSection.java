package org.envelopereview.pack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.sf.jasperreports.engine.JasperReport;

import org.envelopereview.action.chain.ChainVerification;
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
		ChainVerification verification = integrity.verification();
		String checked = count(integrity.rowsChecked()) + " rows checked"
				+ ((verification != null && !verification.full())
						? " from the checkpoints of " + verification.checkpointsOf() : "");
		String verifies = (verification != null && !verification.full())
				? "every agent's hash chain verifies from its checkpoint on" : "every agent's hash chain verifies";
		String status;
		if (!intact) {
			status = "BROKEN — " + plural(integrity.breaks().size(), "break") + " in " + checked;
		}
		else if (suppressions > 0) {
			// the chain only proves the stored rows were not altered: logging switched
			// off
			// means changes may be missing from it altogether
			status = "CHAIN INTACT, LOGGING SUPPRESSED — " + checked + " and " + verifies
					+ ", but logging was switched off or narrowed " + plural(suppressions, "time")
					+ " (LOG-SUPPRESSION): see the log findings below";
		}
		else {
			status = "INTACT — " + checked + "; " + verifies;
		}
		parameters.put("STATUS", status);
		parameters.put("STATUS_COLOR", !intact ? "#B00020" : (suppressions > 0) ? "#9A5B00" : "#1E7B34");
		parameters
			.put("EXPLANATION", "Every action row carries hash = SHA-256(canonical JSON of the record + prevHash), "
					+ "chained per agent by seq. The review recomputed the hash of every row it read and walked the chains: "
					+ "an edited row shows as a hash mismatch, an inserted, removed or reordered row as a prevHash mismatch or "
					+ "a seq gap or repeat, and history rewritten up to a row an earlier run verified as a checkpoint "
					+ "mismatch.");
		parameters.put("VERIFIED", verified(integrity));
		parameters.put("BREAKS", rows(breaks));
		List<FindingGroup> logGroups = this.facts.groups()
			.stream()
			.filter((group) -> group.code().code().startsWith("LOG-"))
			.toList();
		parameters.put("FINDINGS", GroupRows.rows(logGroups, GROUP_BUDGET));
		parameters.put("FINDINGS_MORE", GroupRows.more(logGroups, GROUP_BUDGET));
		return parameters;
	}

	/**
	 * What this run verified and what it did not, in words: full or since the checkpoints
	 * of which run, what it did not re-read, and the last full verification.
	 */
	static String verified(IntegrityReport integrity) {
		ChainVerification verification = integrity.verification();
		if (verification == null) {
			return "What this review verified: every agent's chain from seq 1 (" + count(integrity.rowsChecked())
					+ " rows).";
		}
		StringBuilder text = new StringBuilder("What this review verified: ");
		if (verification.full()) {
			text.append("every agent's chain from seq 1, in full — ")
				.append(plural(verification.agents(), "agent"))
				.append(", ")
				.append(count(verification.rowsChecked()))
				.append(" rows. Full because ")
				.append(verification.fullBecause().text())
				.append('.');
			if (verification.checkpointsOf() != null) {
				text.append(" On the way, each chain was checked against the checkpoints of ")
					.append(verification.checkpointsOf())
					.append(" (checkpoint set SHA-256 ")
					.append(verification.checkpointsOfSha256())
					.append(").");
			}
		}
		else {
			text.append("the rows added since the checkpoints of ")
				.append(verification.checkpointsOf())
				.append(when(verification.checkpointsOf()))
				.append(", checkpoint set SHA-256 ")
				.append(verification.checkpointsOfSha256())
				.append(" — ")
				.append(count(verification.rowsChecked()))
				.append(" rows of ")
				.append(plural(verification.agents(), "agent"))
				.append(", ")
				.append(count(verification.agentsFromCheckpoint()))
				.append(" from their checkpoint row (which must still hold the verified hash) and the others from seq 1. ")
				.append("NOT re-read by this review: ")
				.append(count(verification.rowsBeforeCheckpoints()))
				.append(" earlier rows before the checkpoints, which earlier runs verified; an edit among them shows only "
						+ "in a full verification, or as a checkpoint mismatch if the rows up to a checkpoint were "
						+ "rewritten.");
		}
		if (verification.lastFull() != null) {
			text.append(" Last full verification: ")
				.append(verification.full() ? "this run" : verification.lastFull().toString())
				.append(verification.full() ? "" : when(verification.lastFull()))
				.append(", which found ")
				.append(plural(verification.lastFullBreaks(), "break"))
				.append('.');
		}
		text.append(" A full verification runs at least once every ")
			.append(plural(verification.fullEvery(), "run"))
			.append(" (review.chain.full-verification-every), and on demand with run --verify-chains=full.");
		text.append(" Checkpoints written for the next run: ")
			.append(plural(verification.checkpointsWritten(), "agent"))
			.append(" (agents with a break get none and are verified from seq 1 next time), set SHA-256 ")
			.append(verification.checkpointsWrittenSha256())
			.append('.');
		if (verification.checkpointsAltered()) {
			text.append(" WARNING: the stored checkpoints of ")
				.append(verification.checkpointsOf())
				.append(" no longer have the SHA-256 that run recorded: the checkpoint table was changed.");
		}
		return text.toString();
	}

	private static String when(ChainVerification.RunRef run) {
		return (run.verifiedAt() != null) ? " (verified " + INSTANT.format(run.verifiedAt()) + ")" : "";
	}

}
