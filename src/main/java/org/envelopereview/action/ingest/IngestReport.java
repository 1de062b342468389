package org.envelopereview.action.ingest;

import java.util.List;

import org.envelopereview.action.SourceCounts;

/** What an ingest run did, per input and in total. */
public record IngestReport(List<SourceReport> sources) {

	public SourceCounts.Totals totals() {
		return this.sources.stream()
			.map((source) -> source.counts().totals())
			.reduce(SourceCounts.Totals.ZERO, SourceCounts.Totals::plus);
	}

	/** Whether some input could not be read. */
	public boolean hasUnreadableInput() {
		return this.sources.stream().anyMatch((source) -> source.error() != null);
	}

}
