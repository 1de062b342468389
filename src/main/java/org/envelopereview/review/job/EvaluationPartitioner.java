package org.envelopereview.review.job;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jdbi.v3.core.Jdbi;

import org.envelopereview.envelope.ActionClass;
import org.envelopereview.period.Period;
import org.envelopereview.review.run.RunInputs;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the actions the evaluate step reads into consecutive {@code [from, to)} ranges
 * of {@code occurred_at}, each named by its two instants, of equal length over the span
 * the actions occupy (their first and last instant, two index look-ups: no count, no walk
 * of the history). Every action falls in exactly one range, and the same history always
 * gives the same ranges, so a restarted run resumes each range where it stopped.
 *
 * <p>
 * The step asks for several ranges per worker thread and the workers take the next range
 * when they finish one, so a busy stretch of the quarter does not leave a thread idle.
 *
 * <p>
 * The ranges start at the look-back: as far back as the earliest action whose revert
 * deadline can fall in the period (the longest maxDuration before the start, or an
 * earlier action whose revertBy is in the period).
 */
class EvaluationPartitioner implements Partitioner {

	/** Between the two instants of a range's name. */
	private static final String UNTIL = "/";

	private final Jdbi jdbi;

	private final RunInputs inputs;

	EvaluationPartitioner(Jdbi jdbi, RunInputs inputs) {
		this.jdbi = jdbi;
		this.inputs = inputs;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Instant from = lookback();
		Instant to = this.inputs.period().end();
		List<Instant> bounds = new ArrayList<>(List.of(from));
		PeriodActionsDao.Span span = this.jdbi.withExtension(PeriodActionsDao.class,
				(dao) -> dao.occurredAtSpan(from, to));
		if (span.first() != null) {
			Duration step = Duration.between(span.first(), span.last()).dividedBy(gridSize);
			for (int i = 1; i < gridSize; i++) {
				Instant bound = span.first().plus(step.multipliedBy(i)).truncatedTo(ChronoUnit.MICROS);
				if (bound.isAfter(bounds.get(bounds.size() - 1)) && !bound.isAfter(span.last())) {
					bounds.add(bound);
				}
			}
		}
		bounds.add(to);
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (int i = 0; i + 1 < bounds.size(); i++) {
			partitions.put(bounds.get(i) + UNTIL + bounds.get(i + 1), new ExecutionContext());
		}
		return partitions;
	}

	/**
	 * The range a partition's step works on, from its name ({@code …:from/to}). The name
	 * is the only record of the range: since 6.0.1 Spring Batch's
	 * SimpleStepExecutionSplitter creates a partition's step execution, then saves its
	 * context in a second transaction (spring-batch#5138), and a process killed between
	 * them leaves a step without one. The open pull request spring-batch#5184 writes both
	 * in one insert; no issue covers the kill between the two writes.
	 */
	static Range range(String stepName) {
		String name = stepName.substring(stepName.indexOf(':') + 1);
		int until = name.indexOf(UNTIL);
		return new Range(Instant.parse(name.substring(0, until)), Instant.parse(name.substring(until + 1)));
	}

	/** The actions with {@code from <= occurred_at < to}. */
	record Range(Instant from, Instant to) {
	}

	private Instant lookback() {
		Period period = this.inputs.period();
		Instant lookback = period.start().minus(longestMaxDuration());
		Instant earliestRevertBy = this.jdbi.withExtension(PeriodActionsDao.class,
				(dao) -> dao.earliestRevertByInPeriod(period.start(), period.end()));
		return (earliestRevertBy != null && earliestRevertBy.isBefore(lookback)) ? earliestRevertBy : lookback;
	}

	private Duration longestMaxDuration() {
		return this.inputs.catalog()
			.envelopes()
			.stream()
			.flatMap((envelope) -> envelope.actions().stream())
			.map(ActionClass::maxDuration)
			.filter(Objects::nonNull)
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
	}

}
