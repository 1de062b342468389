package org.envelopereview.pack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JasperReport;

import org.envelopereview.review.output.BoardReview;

import static org.envelopereview.pack.Rows.INSTANT;
import static org.envelopereview.pack.Rows.abbreviate;
import static org.envelopereview.pack.Rows.rows;

/**
 * Quarantined input: records that could not become actions, with source, line and reason.
 */
final class QuarantineSection implements PackSection {

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
		return List.of(new TocEntry("Quarantined input", 1));
	}

	@Override
	public Map<String, Object> parameters() {
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
		Map<String, Object> parameters = PackSections.section(this.subreports, "quarantine",
				new net.sf.jasperreports.engine.JREmptyDataSource(0));
		parameters.put("EXPLANATION", rows.size() + " input records falling in " + this.review.period().label()
				+ " could not become actions. They were set aside with their source, line and reason, not dropped; "
				+ "the rest of each file was ingested.");
		parameters.put("RECORDS", rows(rows));
		return parameters;
	}

}
