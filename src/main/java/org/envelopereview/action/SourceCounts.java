package org.envelopereview.action;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What became of one input's records: the counts of the ingest summary, with the first
 * few quarantine reasons and chain breaks as examples. Counted by the ingest's reader and
 * writer threads at once.
 */
public final class SourceCounts {

	private static final int EXAMPLES = 5;

	private long read;

	private long stored;

	private long duplicates;

	private long quarantined;

	private long failedAttempts;

	private long chainBreaks;

	private final Map<String, Long> skipped = new TreeMap<>();

	private final Map<String, Long> notReviewed = new TreeMap<>();

	private final Map<NotReviewedDay, Long> notReviewedByDay = new TreeMap<>();

	private final List<String> quarantineExamples = new ArrayList<>();

	private final List<String> chainBreakExamples = new ArrayList<>();

	private final Map<String, Long> unknownRegions = new TreeMap<>();

	/** The counts as one value. */
	public record Totals(long read, long stored, long duplicates, long quarantined, long skipped, long failedAttempts,
			long chainBreaks) {

		public Totals plus(Totals other) {
			return new Totals(this.read + other.read, this.stored + other.stored, this.duplicates + other.duplicates,
					this.quarantined + other.quarantined, this.skipped + other.skipped,
					this.failedAttempts + other.failedAttempts, this.chainBreaks + other.chainBreaks);
		}

		public static final Totals ZERO = new Totals(0, 0, 0, 0, 0, 0, 0);

	}

	/** A region the provider recorded that no catalogue knows, kept as recorded. */
	public synchronized void unknownRegion(String provider, String region) {
		this.unknownRegions.merge(provider + " " + region, 1L, Long::sum);
	}

	/** Unknown regions ("provider region") with how many actions named each, by name. */
	public synchronized Map<String, Long> unknownRegions() {
		return Collections.unmodifiableMap(new TreeMap<>(this.unknownRegions));
	}

	public synchronized void read() {
		this.read++;
	}

	public synchronized void stored(Action action) {
		this.stored++;
		if (action.outcome() == Action.Outcome.FAILED) {
			this.failedAttempts++;
		}
	}

	public synchronized void duplicate() {
		this.duplicates++;
	}

	public synchronized void quarantined(String example) {
		this.quarantined++;
		if (this.quarantineExamples.size() < EXAMPLES) {
			this.quarantineExamples.add(example);
		}
	}

	public synchronized void chainBreak(String example) {
		this.chainBreaks++;
		if (this.chainBreakExamples.size() < EXAMPLES) {
			this.chainBreakExamples.add(example);
		}
	}

	public synchronized void skipped(String name) {
		this.skipped.merge(name, 1L, Long::sum);
	}

	/**
	 * A write event that maps to no canonical type; it counts as skipped too, so that the
	 * summary line and {@code ingest_source.skipped} keep their meaning.
	 */
	public synchronized void notReviewed(String name) {
		this.notReviewed.merge(name, 1L, Long::sum);
	}

	/** A write event not reviewed, on the UTC day on which it occurred. */
	public synchronized void notReviewed(String name, Instant occurredAt) {
		notReviewed(name);
		if (occurredAt != null) {
			this.notReviewedByDay.merge(new NotReviewedDay(name, LocalDate.ofInstant(occurredAt, ZoneOffset.UTC)), 1L,
					Long::sum);
		}
	}

	/** The write events not reviewed per event name and UTC day. */
	public synchronized Map<NotReviewedDay, Long> notReviewedByDay() {
		return Collections.unmodifiableMap(new TreeMap<>(this.notReviewedByDay));
	}

	/** An event name and a UTC day. */
	public record NotReviewedDay(String eventName, LocalDate day) implements Comparable<NotReviewedDay> {

		@Override
		public int compareTo(NotReviewedDay other) {
			int byName = this.eventName.compareTo(other.eventName);
			return (byName != 0) ? byName : this.day.compareTo(other.day);
		}

	}

	public synchronized Totals totals() {
		long skippedTotal = this.skipped.values().stream().mapToLong(Long::longValue).sum()
				+ this.notReviewed.values().stream().mapToLong(Long::longValue).sum();
		return new Totals(this.read, this.stored, this.duplicates, this.quarantined, skippedTotal, this.failedAttempts,
				this.chainBreaks);
	}

	/** Skipped read-only records per name (CloudTrail event name), sorted by name. */
	public synchronized Map<String, Long> skippedByName() {
		return Collections.unmodifiableMap(new TreeMap<>(this.skipped));
	}

	/** Write events that were not reviewed, per name, sorted by name. */
	public synchronized Map<String, Long> notReviewedByName() {
		return Collections.unmodifiableMap(new TreeMap<>(this.notReviewed));
	}

	/**
	 * e.g. {@code AssumeRole=3, DescribeInstances=12}, then the writes not reviewed as
	 * {@code not reviewed: CreateVpc=2}; {@code null} when none.
	 */
	public synchronized String skippedNames() {
		if (this.skipped.isEmpty() && this.notReviewed.isEmpty()) {
			return null;
		}
		String names = names(this.skipped);
		if (!this.notReviewed.isEmpty()) {
			names = (names.isEmpty() ? "" : names + "; ") + "not reviewed: " + names(this.notReviewed);
		}
		return (names.length() > 4000) ? names.substring(0, 3997) + "..." : names;
	}

	/** The read-only events skipped, e.g. {@code AssumeRole=3}, or {@code null}. */
	public synchronized String readOnlyNames() {
		return this.skipped.isEmpty() ? null : names(this.skipped);
	}

	/** e.g. {@code CreateVpc=2, DeleteVpc=1}, or {@code null} when none. */
	public synchronized String notReviewedNames() {
		return this.notReviewed.isEmpty() ? null : names(this.notReviewed);
	}

	private static String names(Map<String, Long> counts) {
		return counts.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining(", "));
	}

	public synchronized List<String> quarantineExamples() {
		return List.copyOf(this.quarantineExamples);
	}

	public synchronized List<String> chainBreakExamples() {
		return List.copyOf(this.chainBreakExamples);
	}

}
