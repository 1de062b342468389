package org.envelopereview.pack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JasperReport;

import org.envelopereview.review.output.BoardReview;

import static org.envelopereview.pack.Rows.INSTANT;
import static org.envelopereview.pack.Rows.abbreviate;
import static org.envelopereview.pack.Rows.count;
import static org.envelopereview.pack.Rows.plural;
import static org.envelopereview.pack.Rows.rows;

/**
 * Quarantined input: records that could not become actions, with source, line and reason;
 * then the provider's write events no rule covers, and the sources withdrawn from review
 * since the last review.
 */
final class QuarantineSection implements PackSection {

	static final String TITLE = "Quarantined input";

	static final String NOT_REVIEWED = "Write events not reviewed";

	static final String WITHDRAWN = "Withdrawn sources";

	private final BoardReview review;

	private final ReviewFacts facts;

	private final Map<String, JasperReport> subreports;

	QuarantineSection(ReviewFacts facts, Map<String, JasperReport> subreports) {
		this.review = facts.review();
		this.facts = facts;
		this.subreports = subreports;
	}

	@Override
	public String key() {
		return "quarantine";
	}

	@Override
	public List<TocEntry> contents() {
		return List.of(new TocEntry(TITLE, 1), new TocEntry(NOT_REVIEWED, 2), new TocEntry(WITHDRAWN, 2));
	}

	@Override
	public Map<String, Object> parameters() {
		List<Map<String, ?>> rows = new ArrayList<>();
		long timeless = 0;
		for (BoardReview.QuarantinedRecord record : this.review.quarantined()) {
			Map<String, Object> row = new HashMap<>();
			row.put("source", record.sourceName() + " : " + record.lineNumber());
			row.put("recordId", (record.recordId() != null) ? record.recordId() : "–");
			row.put("occurredAt", (record.occurredAt() != null) ? INSTANT.format(record.occurredAt())
					: "unknown: reported once, in this run");
			row.put("reason", record.reason());
			row.put("raw", abbreviate(record.rawText()));
			rows.add(row);
			timeless += (record.occurredAt() == null) ? 1 : 0;
		}
		Map<String, Object> parameters = PackSections.section(this.subreports, "quarantine",
				new net.sf.jasperreports.engine.JREmptyDataSource(0));
		parameters.put("EXPLANATION", (rows.size() - timeless) + " input records falling in "
				+ this.review.period().label() + " could not become actions"
				+ ((timeless > 0) ? ", and " + plural(timeless, "record") + " with no time, ingested since the last "
						+ "review, which this run reports once (no later pack repeats them)" : "")
				+ ". They were set aside with their source, line and reason, not dropped; the rest of each file was "
				+ "ingested.");
		parameters.put("RECORDS", rows(rows));
		parameters.put("NOT_REVIEWED_TITLE", NOT_REVIEWED);
		parameters.put("NOT_REVIEWED_EXPLANATION", notReviewedExplanation());
		parameters.put("NOT_REVIEWED", notReviewedRows());
		parameters.put("WITHDRAWN_TITLE", WITHDRAWN);
		parameters.put("WITHDRAWN_EXPLANATION", "Sources withdrawn from review with `ingest withdraw` since the last "
				+ "review: their actions, quarantined records and write events not reviewed are no longer reviewed "
				+ "(the actions are kept as evidence, out of the review). Each withdrawal is shown once, in the packs "
				+ "of the first review after it.");
		parameters.put("WITHDRAWN", withdrawalRows());
		return parameters;
	}

	private String notReviewedExplanation() {
		long events = this.review.trail().notReviewed().stream().mapToLong(BoardReview.NotReviewedEvent::events).sum();
		return plural(events, "provider write event") + " in " + this.review.period().label()
				+ " map to no canonical action type, so no rule judged them (SPEC §7). They are counted here by event "
				+ "name rather than dropped; they belong to no board, so every board's pack lists them. Read-only "
				+ "events are skipped and not listed.";
	}

	private JRDataSource notReviewedRows() {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (BoardReview.NotReviewedEvent event : this.review.trail().notReviewed()) {
			rows.add(Map.of("eventName", event.eventName(), "events", count(event.events()), "firstDay",
					event.firstDay().toString(), "lastDay", event.lastDay().toString()));
		}
		return rows(rows);
	}

	private JRDataSource withdrawalRows() {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (BoardReview.Withdrawal withdrawal : this.review.trail().withdrawals()) {
			rows.add(Map.of("source", withdrawal.sourceName() + "\nSHA-256 " + withdrawal.sha256(), "withdrawn",
					INSTANT.format(withdrawal.withdrawnAt()) + "\nby " + withdrawal.withdrawnBy(), "reason",
					withdrawal.reason(), "removed",
					plural(withdrawal.actionsRemoved(), "action") + ", "
							+ plural(withdrawal.quarantinedRemoved(), "quarantined record") + ", "
							+ plural(withdrawal.notReviewedRemoved(), "write event") + " not reviewed"));
		}
		return rows(rows);
	}

}
