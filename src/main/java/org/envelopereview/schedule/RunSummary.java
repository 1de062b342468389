package org.envelopereview.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.envelopereview.review.RunStatus;

/**
 * One review run as {@code status} shows it.
 *
 * @param runId the {@code review_run} id
 * @param period the period label
 * @param runNumber the run's number within its period
 * @param state the run's status
 * @param startedAt when it started
 * @param finishedAt when it ended, if it did
 * @param findingsBySeverity findings per severity, most severe first
 * @param outputDir where the run wrote its packs, if recorded
 * @param packs the review packs found under the output directory
 */
public record RunSummary(long runId, String period, int runNumber, RunStatus state, Instant startedAt,
		Optional<Instant> finishedAt, Map<String, Long> findingsBySeverity, Optional<Path> outputDir,
		List<Path> packs) {

	/** How long the run took, or has been running until {@code now}. */
	public Duration duration(Instant now) {
		return Duration.between(this.startedAt, this.finishedAt.orElse(now));
	}

	public long findings() {
		return this.findingsBySeverity.values().stream().mapToLong(Long::longValue).sum();
	}

}
