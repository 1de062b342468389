package org.envelopereview.finding;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds the {@link FindingGroup finding groups} of SPEC §9 in one pass over a run's
 * findings, keeping only counts and three examples per group, so that grouping 50,000
 * findings costs the groups' memory, not the findings'.
 * <p>
 * Findings about no action (an envelope overdue, a decision not applied) are each their
 * own group: they are one per fact already, and merging two of them would hide a fact.
 */
public final class FindingGroups {

	/** How many example findings a group keeps. */
	public static final int MAX_EXAMPLES = 3;

	/**
	 * The order groups are shown in: most severe first, then the largest, then by code,
	 * envelope, agent and value so that equal inputs give equal packs.
	 */
	public static final Comparator<FindingGroup> ORDER = Comparator.comparing(FindingGroup::severity)
		.thenComparing(Comparator.comparingLong(FindingGroup::count).reversed())
		.thenComparing(FindingGroup::key);

	/** Examples earliest first; findings without a time after those with one. */
	private static final Comparator<StoredFinding> EXAMPLE_ORDER = Comparator
		.comparing((StoredFinding stored) -> occurredAt(stored.finding()),
				Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(StoredFinding.REPORT_ORDER);

	private final Map<List<String>, Accumulator> groups = new HashMap<>();

	/** Groups the findings of one board's run. */
	public static List<FindingGroup> of(Iterable<StoredFinding> findings) {
		FindingGroups groups = new FindingGroups();
		findings.forEach(groups::add);
		return groups.groups();
	}

	/** Adds a finding to its group. */
	public void add(StoredFinding stored) {
		Finding finding = stored.finding();
		String value = outOfScopeValue(finding);
		List<String> key = isActionFinding(finding)
				? keyOf(finding.code().code(), finding.envelopeId(), agent(finding), value)
				: keyOf(finding.code().code(), finding.envelopeId(), agent(finding), value, stored.key());
		this.groups
			.computeIfAbsent(key, (k) -> new Accumulator(finding.code(), finding.envelopeId(), agent(finding), value))
			.add(stored);
	}

	/** The groups so far, in {@link #ORDER}. */
	public List<FindingGroup> groups() {
		return this.groups.values().stream().map(Accumulator::group).sorted(ORDER).toList();
	}

	/**
	 * The evidence field that holds the out-of-scope value of a code, or {@code null} for
	 * a code grouped by code, envelope and agent alone.
	 */
	public static String outOfScopeField(FindingCode code) {
		return switch (code) {
			case OOS_PORT -> "ports";
			case OOS_CIDR -> "cidr";
			case OOS_REGION -> "region";
			case OOS_PROTOCOL -> "protocol";
			case OOS_ACTION_TYPE -> "type";
			case OOS_RESOURCE -> "resource";
			case OOS_MODEL -> "modelVersion";
			default -> null;
		};
	}

	/**
	 * The out-of-scope value of the finding, {@code (none)} when the action carried none,
	 * {@code null} for a code without one.
	 */
	public static String outOfScopeValue(Finding finding) {
		String field = outOfScopeField(finding.code());
		if (field == null) {
			return null;
		}
		String value = finding.evidence().get(field);
		return (value != null && !value.isBlank()) ? value : "(none)";
	}

	static boolean isActionFinding(Finding finding) {
		return finding.actionId() != null;
	}

	private static String agent(Finding finding) {
		return finding.evidence().get("agent");
	}

	/** When the finding's action occurred, or {@code null} when it names no time. */
	static Instant occurredAt(Finding finding) {
		String value = finding.evidence().get("occurredAt");
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The Monday (UTC) of the week the instant falls in. */
	public static LocalDate weekOf(Instant instant) {
		return instant.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	private static List<String> keyOf(String... parts) {
		List<String> key = new ArrayList<>(parts.length);
		for (String part : parts) {
			key.add(Objects.toString(part, ""));
		}
		return key;
	}

	/** One group while its findings stream past. */
	private static final class Accumulator {

		private final FindingCode code;

		private final String envelopeId;

		private final String agent;

		private final String value;

		private Severity severity;

		private long count;

		private Instant first;

		private Instant last;

		private final List<StoredFinding> examples = new ArrayList<>(MAX_EXAMPLES + 1);

		private final Map<LocalDate, Long> weeks = new TreeMap<>();

		Accumulator(FindingCode code, String envelopeId, String agent, String value) {
			this.code = code;
			this.envelopeId = envelopeId;
			this.agent = agent;
			this.value = value;
		}

		void add(StoredFinding stored) {
			Finding finding = stored.finding();
			this.count++;
			if (this.severity == null || finding.severity().compareTo(this.severity) < 0) {
				this.severity = finding.severity();
			}
			Instant at = occurredAt(finding);
			if (at != null) {
				this.first = (this.first == null || at.isBefore(this.first)) ? at : this.first;
				this.last = (this.last == null || at.isAfter(this.last)) ? at : this.last;
				this.weeks.merge(weekOf(at), 1L, Long::sum);
			}
			keepIfEarliest(stored);
		}

		private void keepIfEarliest(StoredFinding stored) {
			if (this.examples.size() == MAX_EXAMPLES
					&& EXAMPLE_ORDER.compare(stored, this.examples.get(MAX_EXAMPLES - 1)) >= 0) {
				return;
			}
			int at = 0;
			while (at < this.examples.size() && EXAMPLE_ORDER.compare(this.examples.get(at), stored) <= 0) {
				at++;
			}
			this.examples.add(at, stored);
			if (this.examples.size() > MAX_EXAMPLES) {
				this.examples.remove(MAX_EXAMPLES);
			}
		}

		FindingGroup group() {
			return new FindingGroup(this.code, this.severity, this.envelopeId, this.agent, this.value, this.count,
					this.first, this.last, this.examples, new TreeMap<>(this.weeks));
		}

	}

}
