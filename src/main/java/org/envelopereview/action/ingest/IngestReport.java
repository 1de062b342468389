package org.envelopereview.action.ingest;

import java.util.List;
import java.util.Map;

import org.envelopereview.action.SourceCounts;

/**
 * What an ingest run did, per input and in total.
 *
 * @param unmatchedRoleMappings the configured role mappings
 * ({@code review.ingest.role-envelopes}, name to envelope id) that no reviewed event of
 * the ingest's CloudTrail inputs was made under; empty when it read no CloudTrail input
 */
public record IngestReport(List<SourceReport> sources, Map<String, String> unmatchedRoleMappings) {

	public IngestReport {
		sources = List.copyOf(sources);
		unmatchedRoleMappings = Map.copyOf(unmatchedRoleMappings);
	}

	public IngestReport(List<SourceReport> sources) {
		this(sources, Map.of());
	}

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
