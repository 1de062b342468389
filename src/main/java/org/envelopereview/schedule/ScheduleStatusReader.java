package org.envelopereview.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.quartz.SchedulerException;

import org.envelopereview.finding.FindingStore;
import org.envelopereview.finding.FindingStore.SeverityCount;
import org.envelopereview.finding.Severity;
import org.envelopereview.review.RunStatus;
import org.envelopereview.review.run.ReviewRuns;
import org.envelopereview.review.run.ReviewRuns.StoredRun;

import org.springframework.stereotype.Component;

/** Reads the schedule's status from the database; needs no running scheduler. */
@Component
public class ScheduleStatusReader {

	private static final String PACK_FILE = "review-pack.pdf";

	private final ReviewScheduler scheduler;

	private final ReviewRuns runs;

	private final FindingStore findings;

	private final SchedulerNodeDao nodes;

	ScheduleStatusReader(ReviewScheduler scheduler, ReviewRuns runs, FindingStore findings, SchedulerNodeDao nodes) {
		this.scheduler = scheduler;
		this.runs = runs;
		this.findings = findings;
		this.nodes = nodes;
	}

	public ScheduleStatus read(int latestRuns) throws SchedulerException {
		List<StoredRun> runs = this.runs.latestRuns(latestRuns);
		Map<Long, List<SeverityCount>> counts = runs.isEmpty() ? Map.of()
				: this.findings.severityCounts(runs.stream().map(StoredRun::id).toList())
					.stream()
					.collect(Collectors.groupingBy(SeverityCount::runId));
		List<RunSummary> statuses = runs.stream()
			.map((run) -> runSummary(run, counts.getOrDefault(run.id(), List.of())))
			.toList();
		return new ScheduleStatus(Instant.now(), this.scheduler.nextReview(),
				this.nodes.schedulerNodes(this.scheduler.schedulerName()), statuses);
	}

	private static RunSummary runSummary(StoredRun run, List<SeverityCount> counts) {
		Map<String, Long> bySeverity = new LinkedHashMap<>();
		for (Severity severity : Severity.values()) {
			bySeverity.put(severity.label(), 0L);
		}
		counts.forEach((count) -> bySeverity.merge(count.severity(), count.findings(), Long::sum));
		Optional<Path> outputDir = Optional.ofNullable(run.outputDir()).map(Path::of);
		return new RunSummary(run.id(), run.period(), run.runNumber(), RunStatus.valueOf(run.status()), run.startedAt(),
				run.finished(), bySeverity, outputDir,
				outputDir.map(ScheduleStatusReader::packsUnder).orElse(List.of()));
	}

	private static List<Path> packsUnder(Path outputDir) {
		if (!Files.isDirectory(outputDir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.find(outputDir, 3,
				(path, attributes) -> attributes.isRegularFile() && path.getFileName().toString().equals(PACK_FILE))) {
			return files.sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the packs under " + outputDir + ": " + ex.getMessage(), ex);
		}
	}

}
