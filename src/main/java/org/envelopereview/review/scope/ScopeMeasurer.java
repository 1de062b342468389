package org.envelopereview.review.scope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import inet.ipaddr.IPAddress;
import org.jdbi.v3.core.Jdbi;

import org.envelopereview.action.ActionTypes;
import org.envelopereview.envelope.PortRange;
import org.envelopereview.period.Period;
import org.envelopereview.system.Parallel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Measures the effective policy of an envelope in a period from the action table,
 * streaming the period's actions once.
 */
@Component
public class ScopeMeasurer {

	private static final int RESOURCES_PER_QUERY = 1000;

	/** Bounds the periods whose attempts {@link #measureAll} counts. */
	private static final int MAX_COUNTED_PERIODS = 64;

	private static final String SUCCEEDED = "succeeded";

	private final Jdbi jdbi;

	private final int threads;

	ScopeMeasurer(Jdbi jdbi, @Value("${review.job.threads:2}") int threads) {
		this.jdbi = jdbi;
		this.threads = threads;
	}

	/**
	 * In a transaction, so that PostgreSQL streams the period's actions with a cursor.
	 */
	public ExercisedScope measure(String envelopeId, Period period) {
		return measureWithUse(envelopeId, period).exercised();
	}

	/**
	 * The period's exercised scope and, from the same pass over its actions, the distinct
	 * values behind it.
	 */
	public Measured measureWithUse(String envelopeId, Period period) {
		return this.jdbi.inTransaction((handle) -> {
			ScopeDao dao = handle.attach(ScopeDao.class);
			Values values = values(dao, envelopeId, period.start(), period.end());
			OpenRuleTimeline.Counts rules = openRules(dao, envelopeId, period);
			return new Measured(exercised(period, values, rules), values.use());
		});
	}

	private static ExercisedScope exercised(Period period, Values values, OpenRuleTimeline.Counts rules) {
		List<IPAddress> blocks = values.use().cidrsOpened();
		return new ExercisedScope(period.label(), values.use().actionCount(), new TreeSet<>(values.use().actionTypes()),
				values.resources(), new TreeSet<>(values.use().regions()), new TreeSet<>(values.use().agents()),
				merge(blocks, true), merge(blocks, false), mergePorts(values.use().portsOpened()), rules.total(),
				rules.byResource());
	}

	/**
	 * Measures every given envelope as {@link #measureWithUse}, {@link #use},
	 * {@link #attempts} and {@link #modelVersions} would one by one, in two passes for
	 * all of them: one over the actions of the window the envelopes' questions span, one
	 * over the rules opened before the period's end, at once on two connections when
	 * {@code review.job.threads} is 2 or more. Each in a transaction, so that PostgreSQL
	 * streams both.
	 * @param period the measured period
	 * @param lookBackFrom for each envelope to measure, where its look-back starts: its
	 * use in {@code [from, period start)} is measured
	 * @param withPrevious the envelopes whose previous period is measured too
	 * @param earliestAttempts the earliest period whose attempts are counted
	 * @param firstSeen {@link #firstSeen}
	 */
	public PeriodMeasurements measureAll(Period period, Map<String, Instant> lookBackFrom, Set<String> withPrevious,
			Period earliestAttempts, Map<String, Instant> firstSeen) {
		Period previous = period.previous();
		List<Period> counted = new ArrayList<>(List.of(period));
		while (counted.get(counted.size() - 1).start().isAfter(earliestAttempts.start())
				&& counted.size() <= MAX_COUNTED_PERIODS) {
			counted.add(counted.get(counted.size() - 1).previous());
		}
		Instant start = counted.get(counted.size() - 1).start();
		if (!withPrevious.isEmpty() && previous.start().isBefore(start)) {
			start = previous.start();
		}
		Map<String, Activity> activities = new HashMap<>();
		for (Map.Entry<String, Instant> entry : lookBackFrom.entrySet()) {
			Instant from = entry.getValue();
			boolean lookBack = from.isBefore(period.start());
			if (lookBack && from.isBefore(start)) {
				start = from;
			}
			activities.put(entry.getKey(),
					new Activity(lookBack ? from : null, withPrevious.contains(entry.getKey()), counted.size()));
		}
		Instant windowStart = start;
		// the two passes touch different fields of each Activity; the map itself is
		// only read
		Runnable actionPass = () -> this.jdbi.useTransaction(
				(handle) -> handle.attach(ScopeDao.class).windowActions(windowStart, period.end(), (action) -> {
					Activity activity = activities.get(action.envelopeId());
					if (activity != null) {
						activity.add(action, period, previous, counted);
					}
				}));
		Runnable rulePass = () -> this.jdbi.useTransaction((handle) -> {
			ScopeDao dao = handle.attach(ScopeDao.class);
			Set<String> timed = new HashSet<>();
			List<OpenRuleTimeline.Rule> rules = new ArrayList<>();
			String[] envelope = { null };
			dao.everyRuleOpened(OpenRuleTimeline.openingTypes(), period.end(), (opened) -> {
				if (!opened.envelopeId().equals(envelope[0])) {
					countRules(dao, envelope[0], rules, activities, timed, period, previous);
					envelope[0] = opened.envelopeId();
					rules.clear();
				}
				rules.add(opened.rule());
			});
			countRules(dao, envelope[0], rules, activities, timed, period, previous);
		});
		if (this.threads < 2) {
			actionPass.run();
			rulePass.run();
		}
		else {
			Parallel.runAll("scope-rules", "measuring the envelopes", List.of(actionPass, rulePass));
		}
		Map<String, PeriodMeasurements.Envelope> measured = new HashMap<>();
		activities.forEach(
				(envelopeId, activity) -> measured.put(envelopeId, activity.measured(period, previous, firstSeen)));
		return new PeriodMeasurements(period, counted, measured, this);
	}

	/**
	 * The open-rule timeline of one envelope's rules, at the period's end and, when
	 * asked, at the previous period's end, as {@link #openRules} counts it for each.
	 */
	private static void countRules(ScopeDao dao, String envelopeId, List<OpenRuleTimeline.Rule> rules,
			Map<String, Activity> activities, Set<String> timed, Period period, Period previous) {
		if (envelopeId == null) {
			return;
		}
		if (!timed.add(envelopeId)) {
			throw new IllegalStateException("the rules opened under " + envelopeId + " did not come together");
		}
		Activity activity = activities.get(envelopeId);
		if (activity == null || rules.isEmpty()) {
			return;
		}
		List<OpenRuleTimeline.Removal> removals = removals(dao, rules, period.end());
		activity.rules = OpenRuleTimeline.count(rules, removals, period);
		if (activity.previous != null) {
			List<OpenRuleTimeline.Rule> before = rules.stream()
				.filter((rule) -> rule.openedAt().isBefore(previous.end()))
				.toList();
			if (!before.isEmpty()) {
				activity.previousRules = OpenRuleTimeline.count(before,
						removals.stream().filter((removal) -> removal.at().isBefore(previous.end())).toList(),
						previous);
			}
		}
	}

	/** One envelope's accumulated actions. */
	private static final class Activity {

		private final Instant lookBackFrom;

		private final Exercised current = new Exercised(true);

		private final Exercised previous;

		private final Exercised lookBack;

		private final long[] attempts;

		private final Set<String> modelVersions = new HashSet<>();

		private OpenRuleTimeline.Counts rules = noRules();

		private OpenRuleTimeline.Counts previousRules = noRules();

		Activity(Instant lookBackFrom, boolean withPrevious, int periods) {
			this.lookBackFrom = lookBackFrom;
			this.previous = withPrevious ? new Exercised(true) : null;
			this.lookBack = (lookBackFrom != null) ? new Exercised(false) : null;
			this.attempts = new long[periods];
		}

		void add(ScopeDao.WindowAction action, Period period, Period previousPeriod, List<Period> counted) {
			Instant at = action.occurredAt();
			for (int i = 0; i < counted.size(); i++) {
				if (counted.get(i).contains(at)) {
					this.attempts[i]++;
					break;
				}
			}
			boolean succeeded = SUCCEEDED.equals(action.outcome());
			if (period.contains(at)) {
				if (action.modelVersion() != null) {
					this.modelVersions.add(action.modelVersion());
				}
				if (succeeded) {
					this.current.add(action.actionType(), action.resource(), action.region(), action.agent(),
							action.cidr(), action.ports());
				}
				return;
			}
			if (!succeeded) {
				return;
			}
			if (this.previous != null && previousPeriod.contains(at)) {
				this.previous.add(action.actionType(), action.resource(), action.region(), action.agent(),
						action.cidr(), action.ports());
			}
			if (this.lookBack != null && !at.isBefore(this.lookBackFrom) && at.isBefore(period.start())) {
				this.lookBack.add(action.actionType(), action.resource(), action.region(), action.agent(),
						action.cidr(), action.ports());
			}
		}

		PeriodMeasurements.Envelope measured(Period period, Period previousPeriod, Map<String, Instant> firstSeen) {
			Values values = this.current.values();
			return new PeriodMeasurements.Envelope(this.lookBackFrom,
					new Measured(exercised(period, values, this.rules), values.use()),
					(this.previous != null) ? exercised(previousPeriod, this.previous.values(), this.previousRules)
							: null,
					(this.lookBack != null) ? this.lookBack.values().use() : ScopeUse.NONE, this.attempts,
					PeriodMeasurements.modelVersions(this.modelVersions, firstSeen));
		}

	}

	/**
	 * The distinct values exercised under the envelope in {@code [from, to)}: the same
	 * pass as {@link #measure}, without the open-rule timeline.
	 */
	public ScopeUse use(String envelopeId, Instant from, Instant to) {
		if (!from.isBefore(to)) {
			return ScopeUse.NONE;
		}
		return this.jdbi.inTransaction((handle) -> values(handle.attach(ScopeDao.class), envelopeId, from, to).use());
	}

	private static Values values(ScopeDao dao, String envelopeId, Instant start, Instant end) {
		Exercised exercised = new Exercised(true);
		dao.exercisedActions(envelopeId, start, end, (action) -> exercised.add(action.actionType(), action.resource(),
				action.region(), action.agent(), action.cidr(), action.ports()));
		return exercised.values();
	}

	/**
	 * The distinct values successful actions exercised, added one action at a time: what
	 * {@link #measure} and {@link #measureAll} make of the actions they read.
	 */
	static final class Exercised {

		private final SortedSet<String> types = new TreeSet<>();

		private final SortedSet<String> resources = new TreeSet<>();

		private final SortedSet<String> regions = new TreeSet<>();

		private final SortedSet<String> agents = new TreeSet<>();

		private final SortedSet<String> cidrs = new TreeSet<>();

		private final SortedSet<String> ports = new TreeSet<>();

		private final boolean withResources;

		private long count;

		Exercised(boolean withResources) {
			this.withResources = withResources;
		}

		void add(String type, String resource, String region, String agent, String cidr, String portText) {
			this.count++;
			this.types.add(type);
			if (this.withResources) {
				addIfPresent(this.resources, resource);
			}
			addIfPresent(this.regions, region);
			addIfPresent(this.agents, agent);
			if (ActionTypes.isOpening(type)) {
				addIfPresent(this.cidrs, cidr);
				addIfPresent(this.ports, portText);
			}
		}

		Values values() {
			List<IPAddress> blocks = this.cidrs.stream()
				.flatMap((cidr) -> ScopeMatcher.parseCidr(cidr).stream())
				.toList();
			List<PortRange> portRanges = this.ports.stream()
				.flatMap((text) -> ScopeMatcher.parsePorts(text).stream())
				.toList();
			return new Values(new ScopeUse(this.count, this.types, this.regions, this.agents, blocks, portRanges),
					this.resources);
		}

	}

	/** A period's exercised scope with the distinct values behind it. */
	public record Measured(ExercisedScope exercised, ScopeUse use) {
	}

	private record Values(ScopeUse use, SortedSet<String> resources) {
	}

	private OpenRuleTimeline.Counts openRules(ScopeDao dao, String envelopeId, Period period) {
		List<OpenRuleTimeline.Rule> rules = dao.rulesOpened(OpenRuleTimeline.openingTypes(), envelopeId, period.end());
		if (rules.isEmpty()) {
			return noRules();
		}
		return OpenRuleTimeline.count(rules, removals(dao, rules, period.end()), period);
	}

	private static OpenRuleTimeline.Counts noRules() {
		return new OpenRuleTimeline.Counts(ExercisedScope.OpenRules.NONE, new java.util.TreeMap<>());
	}

	/** The removals before the end on the resources of the rules, in time order. */
	private static List<OpenRuleTimeline.Removal> removals(ScopeDao dao, List<OpenRuleTimeline.Rule> rules,
			Instant end) {
		List<String> resources = rules.stream()
			.map(OpenRuleTimeline.Rule::resource)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		List<OpenRuleTimeline.Removal> removals = new ArrayList<>();
		// an IN list in slices: H2 scans the whole history for "= ANY(array)",
		// and PostgreSQL takes at most 65,535 parameters
		for (int from = 0; from < resources.size(); from += RESOURCES_PER_QUERY) {
			List<String> slice = resources.subList(from, Math.min(resources.size(), from + RESOURCES_PER_QUERY));
			removals.addAll(dao.rulesRemoved(OpenRuleTimeline.closingTypes(), slice, end));
		}
		// the query returns them unordered (rulesRemoved.sql); the timeline needs time
		// order
		removals.sort(Comparator.comparing(OpenRuleTimeline.Removal::at));
		return removals;
	}

	/** The envelopes any action of the period is under, failed ones included. */
	public Set<String> envelopesActive(Period period) {
		return this.jdbi.withExtension(ScopeDao.class, (dao) -> dao.envelopesActive(period.start(), period.end()));
	}

	public long attempts(String envelopeId, Period period) {
		return this.jdbi.withExtension(ScopeDao.class, (dao) -> dao.attempts(envelopeId, period.start(), period.end()));
	}

	/**
	 * When each model version first appeared anywhere in the stored history: one pass for
	 * the whole run rather than one look-up per envelope and version. In the database's
	 * order of versions.
	 */
	public Map<String, Instant> firstSeen() {
		Map<String, Instant> firstSeen = new LinkedHashMap<>();
		this.jdbi.withExtension(ScopeDao.class, ScopeDao::firstSeen)
			.forEach((seen) -> firstSeen.put(seen.modelVersion(), seen.firstSeen()));
		return firstSeen;
	}

	/**
	 * The model versions the envelope's actions ran in the period, with their first
	 * appearance.
	 */
	public List<ModelVersionUse> modelVersions(String envelopeId, Period period, Map<String, Instant> firstSeen) {
		return this.jdbi
			.withExtension(ScopeDao.class, (dao) -> dao.modelVersions(envelopeId, period.start(), period.end()))
			.stream()
			.map((version) -> new ModelVersionUse(version, firstSeen.get(version)))
			.toList();
	}

	private static void addIfPresent(SortedSet<String> values, String value) {
		if (value != null && !value.isBlank()) {
			values.add(value.trim());
		}
	}

	/** The union of the prefixes of one IP version, merged into prefix blocks. */
	public static List<IPAddress> merge(List<IPAddress> blocks, boolean ipv4) {
		if (blocks.isEmpty()) {
			return List.of();
		}
		IPAddress.DualIPv4Pv6Arrays merged = IPAddress.mergeToDualPrefixBlocks(blocks.toArray(IPAddress[]::new));
		IPAddress[] ofVersion = ipv4 ? merged.addressesIPv4 : merged.addressesIPv6;
		return (ofVersion != null) ? Arrays.asList(ofVersion) : List.of();
	}

	/** The union of port ranges, merged so that no port counts twice. */
	public static List<PortRange> mergePorts(List<PortRange> ranges) {
		List<PortRange> sorted = new ArrayList<>(ranges);
		sorted.sort(Comparator.comparingInt(PortRange::from));
		List<PortRange> merged = new ArrayList<>();
		for (PortRange range : sorted) {
			if (!merged.isEmpty() && range.from() <= merged.get(merged.size() - 1).to() + 1) {
				PortRange last = merged.remove(merged.size() - 1);
				merged.add(new PortRange(last.from(), Math.max(last.to(), range.to())));
			}
			else {
				merged.add(range);
			}
		}
		return merged;
	}

}
