package org.envelopereview.review.scope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import inet.ipaddr.IPAddress;
import org.jdbi.v3.core.Jdbi;

import org.envelopereview.action.ActionTypes;
import org.envelopereview.envelope.PortRange;
import org.envelopereview.period.Period;

import org.springframework.stereotype.Component;

/**
 * Measures the effective policy of an envelope in a period from the action table,
 * streaming the period's actions once.
 */
@Component
public class ScopeMeasurer {

	private static final int RESOURCES_PER_QUERY = 1000;

	private final Jdbi jdbi;

	ScopeMeasurer(Jdbi jdbi) {
		this.jdbi = jdbi;
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
			List<IPAddress> blocks = values.use().cidrsOpened();
			OpenRuleTimeline.Counts rules = openRules(dao, envelopeId, period);
			ExercisedScope exercised = new ExercisedScope(period.label(), values.use().actionCount(),
					new TreeSet<>(values.use().actionTypes()), values.resources(),
					new TreeSet<>(values.use().regions()), new TreeSet<>(values.use().agents()), merge(blocks, true),
					merge(blocks, false), mergePorts(values.use().portsOpened()), rules.total(), rules.byResource());
			return new Measured(exercised, values.use());
		});
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
		SortedSet<String> types = new TreeSet<>();
		SortedSet<String> resources = new TreeSet<>();
		SortedSet<String> regions = new TreeSet<>();
		SortedSet<String> agents = new TreeSet<>();
		SortedSet<String> cidrs = new TreeSet<>();
		SortedSet<String> ports = new TreeSet<>();
		long[] count = { 0 };
		dao.exercisedActions(envelopeId, start, end, (action) -> {
			String type = action.actionType();
			count[0]++;
			types.add(type);
			addIfPresent(resources, action.resource());
			addIfPresent(regions, action.region());
			addIfPresent(agents, action.agent());
			if (ActionTypes.isOpening(type)) {
				addIfPresent(cidrs, action.cidr());
				addIfPresent(ports, action.ports());
			}
		});
		List<IPAddress> blocks = cidrs.stream().flatMap((cidr) -> ScopeMatcher.parseCidr(cidr).stream()).toList();
		List<PortRange> portRanges = ports.stream().flatMap((text) -> ScopeMatcher.parsePorts(text).stream()).toList();
		return new Values(new ScopeUse(count[0], types, regions, agents, blocks, portRanges), resources);
	}

	/** A period's exercised scope with the distinct values behind it. */
	public record Measured(ExercisedScope exercised, ScopeUse use) {
	}

	private record Values(ScopeUse use, SortedSet<String> resources) {
	}

	private OpenRuleTimeline.Counts openRules(ScopeDao dao, String envelopeId, Period period) {
		List<OpenRuleTimeline.Rule> rules = dao.rulesOpened(OpenRuleTimeline.openingTypes(), envelopeId, period.end());
		if (rules.isEmpty()) {
			return new OpenRuleTimeline.Counts(ExercisedScope.OpenRules.NONE, new java.util.TreeMap<>());
		}
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
			removals.addAll(dao.rulesRemoved(OpenRuleTimeline.closingTypes(), slice, period.end()));
		}
		// a resource's removals come from one slice, in order; merge slices by time
		removals.sort(Comparator.comparing(OpenRuleTimeline.Removal::at));
		return OpenRuleTimeline.count(rules, removals, period);
	}

	public long attempts(String envelopeId, Period period) {
		return this.jdbi.withExtension(ScopeDao.class, (dao) -> dao.attempts(envelopeId, period.start(), period.end()));
	}

	/**
	 * When each model version first appeared anywhere in the stored history: one pass for
	 * the whole run rather than one look-up per envelope and version.
	 */
	public Map<String, Instant> firstSeen() {
		Map<String, Instant> firstSeen = new HashMap<>();
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
