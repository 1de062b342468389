package org.envelopereview.bench;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * The evaluate step's partitions of one run as the job repository recorded them, and what
 * running them in partitions cost beyond the work itself: a partition's slot (a local
 * thread or a worker process) is busy from its step execution's start to its end, and
 * idle, or busy with hand-offs, for the rest of the evaluate step.
 *
 * @param partitions the start, end and actions read of each partition step execution, in
 * any order
 * @param evaluateStart when the evaluate step started
 * @param evaluateEnd when the evaluate step ended
 * @param slots how many partitions run at once: the local threads
 * ({@code review.job.threads}), or the worker processes, each running one at a time
 */
record PartitionTimeline(List<Partition> partitions, LocalDateTime evaluateStart, LocalDateTime evaluateEnd,
		int slots) {

	/** One partition step execution. */
	record Partition(LocalDateTime start, LocalDateTime end, long read) {

		double seconds() {
			return PartitionTimeline.seconds(this.start, this.end);
		}

	}

	int count() {
		return this.partitions.size();
	}

	/** The sum of the partitions' durations: the slots' busy time. */
	double busySeconds() {
		return this.partitions.stream().mapToDouble(Partition::seconds).sum();
	}

	/** The evaluate step's wall time. */
	double evaluateSeconds() {
		return seconds(this.evaluateStart, this.evaluateEnd);
	}

	double medianSeconds() {
		return Benchmark.median(this.partitions.stream().map(Partition::seconds).toList());
	}

	double medianRead() {
		return Benchmark.median(this.partitions.stream().map((partition) -> (double) partition.read()).toList());
	}

	/**
	 * From the evaluate step's start to the first partition's: cutting the period into
	 * ranges and handing out the first (remote: sending every request and a worker taking
	 * the first).
	 */
	double startLag() {
		return seconds(this.evaluateStart,
				this.partitions.stream().map(Partition::start).min(Comparator.naturalOrder()).orElseThrow());
	}

	/**
	 * From the last partition's end to the evaluate step's: noticing that all have ended
	 * (remote: up to one poll interval of the manager).
	 */
	double tail() {
		return seconds(this.partitions.stream().map(Partition::end).max(Comparator.naturalOrder()).orElseThrow(),
				this.evaluateEnd);
	}

	/**
	 * The slots' time not spent inside a partition, per partition: (evaluate wall × slots
	 * − busy) / partitions. Includes the start lag, the tail and a slot idle at the end
	 * while the last partitions finish elsewhere.
	 */
	double idlePerPartition() {
		return (evaluateSeconds() * this.slots - busySeconds()) / count();
	}

	/**
	 * The median time from a partition's end to the start of the partition that took its
	 * slot. The job repository does not say which slot ran which partition, so the k-th
	 * partition to end is paired with the (k + slots)-th to start: with at most
	 * {@code slots} running at once that start cannot come before that end, and when
	 * slots free up one at a time and are taken in that order the pair shares a slot.
	 * Empty when no partition waited for a slot.
	 */
	OptionalDouble medianHandOff() {
		List<LocalDateTime> starts = this.partitions.stream().map(Partition::start).sorted().toList();
		List<LocalDateTime> ends = this.partitions.stream().map(Partition::end).sorted().toList();
		List<Double> gaps = IntStream.range(0, count() - this.slots)
			.mapToObj((k) -> seconds(ends.get(k), starts.get(k + this.slots)))
			.toList();
		return gaps.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Benchmark.median(gaps));
	}

	private static double seconds(LocalDateTime from, LocalDateTime to) {
		return Duration.between(from, to).toNanos() / 1e9;
	}

}
