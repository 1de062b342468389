package org.envelopereview.review.scope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.envelopereview.period.Period;
import org.envelopereview.review.scope.ExercisedScope.OpenRules;

/**
 * Counts permissive rules open over time: each opening action on a security group, NACL
 * or firewall adds a rule, closed by the first successful revert of that action or the
 * first removal of the same kind on the same resource matching its protocol, ports and
 * CIDR (a removal that leaves one of those out matches any value).
 */
final class OpenRuleTimeline {

	private OpenRuleTimeline() {
	}

	static List<String> openingTypes() {
		return org.envelopereview.action.ActionTypes.ALL.stream()
			.filter(OpenRuleTimeline::isRuleType)
			.filter(org.envelopereview.action.ActionTypes::isOpening)
			.toList();
	}

	/**
	 * The removals of rules: closing types of a family that opens rules (deleting a whole
	 * group or NACL is closing too, but is no rule of its own).
	 */
	static List<String> closingTypes() {
		List<String> openingFamilies = openingTypes().stream().map(OpenRuleTimeline::family).toList();
		return org.envelopereview.action.ActionTypes.ALL.stream()
			.filter(OpenRuleTimeline::isRuleType)
			.filter(org.envelopereview.action.ActionTypes::isClosing)
			.filter((type) -> openingFamilies.contains(family(type)))
			.toList();
	}

	private static boolean isRuleType(String type) {
		return type.startsWith("security_group.") || type.startsWith("nacl.") || type.startsWith("firewall.");
	}

	/**
	 * {@code security_group.ingress.add} belongs to the family
	 * {@code security_group.ingress}.
	 */
	static String family(String type) {
		return type.substring(0, type.lastIndexOf('.'));
	}

	static Counts count(List<Rule> rules, List<Removal> removals, Period period) {
		// removals by kind and resource, in time order, so each rule looks only at its
		// own
		Map<String, List<Removal>> removalsOf = removals.stream()
			.sorted(Comparator.comparing(Removal::at))
			.collect(Collectors.groupingBy(Removal::target));
		List<Interval> intervals = new ArrayList<>();
		for (Rule rule : rules) {
			List<Removal> candidates = removalsOf.getOrDefault(family(rule.type()) + "|" + rule.resource(), List.of());
			intervals.add(new Interval(rule.resource(), rule.openedAt(), closedAt(rule, candidates)));
		}
		Map<String, List<Interval>> byResource = intervals.stream()
			.collect(Collectors.groupingBy((interval) -> Objects.toString(interval.resource(), ScopeMatcher.NONE)));
		SortedMap<String, OpenRules> perResource = new TreeMap<>();
		byResource.forEach((resource, list) -> perResource.put(resource, openRules(list, period)));
		return new Counts(openRules(intervals, period), perResource);
	}

	private static Instant closedAt(Rule rule, List<Removal> removals) {
		Instant reverted = rule.revertedAt();
		Instant closed = (reverted != null && !reverted.isBefore(rule.openedAt())) ? reverted : null;
		for (int i = firstAtOrAfter(removals, rule.openedAt()); i < removals.size(); i++) {
			Removal removal = removals.get(i);
			if (closed != null && !removal.at().isBefore(closed)) {
				break;
			}
			if (removal.matches(rule)) {
				return removal.at();
			}
		}
		return closed;
	}

	/** Binary search in time-ordered removals. */
	private static int firstAtOrAfter(List<Removal> removals, Instant instant) {
		int low = 0;
		int high = removals.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (removals.get(middle).at().isBefore(instant)) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	/**
	 * Open at start: opened before it and not closed before it; likewise at end; peak:
	 * the most open at once in between (a close at the same instant as an open counts
	 * first).
	 */
	private static OpenRules openRules(List<Interval> intervals, Period period) {
		int start = (int) intervals.stream().filter((interval) -> interval.openAt(period.start())).count();
		int end = (int) intervals.stream().filter((interval) -> interval.openAt(period.end())).count();
		List<Event> events = new ArrayList<>();
		for (Interval interval : intervals) {
			if (period.contains(interval.opened())) {
				events.add(new Event(interval.opened(), 1));
			}
			if (interval.closed() != null && period.contains(interval.closed())
					&& interval.opened().isBefore(interval.closed())) {
				events.add(new Event(interval.closed(), -1));
			}
		}
		events.sort(Comparator.comparing(Event::at).thenComparingInt(Event::delta));
		int open = start;
		int peak = start;
		for (Event event : events) {
			open += event.delta();
			peak = Math.max(peak, open);
		}
		return new OpenRules(start, end, peak);
	}

	/** A rule opened by an action, with the first successful revert of that action. */
	record Rule(String actionId, Instant openedAt, String type, String resource, String protocol, String ports,
			String cidr, Instant revertedAt) {
	}

	/** A successful removal action. */
	record Removal(Instant at, String type, String resource, String protocol, String ports, String cidr) {

		String target() {
			return family(this.type) + "|" + this.resource;
		}

		boolean matches(Rule rule) {
			return family(this.type).equals(family(rule.type())) && Objects.equals(this.resource, rule.resource())
					&& wildcard(this.protocol, rule.protocol()) && wildcard(this.ports, rule.ports())
					&& wildcard(this.cidr, rule.cidr());
		}

		private static boolean wildcard(String removal, String rule) {
			return removal == null || removal.isBlank() || removal.equalsIgnoreCase(rule);
		}

	}

	/** Open rules in total and per resource. */
	record Counts(OpenRules total, SortedMap<String, OpenRules> byResource) {
	}

	private record Interval(String resource, Instant opened, Instant closed) {

		boolean openAt(Instant instant) {
			return this.opened.isBefore(instant) && (this.closed == null || !this.closed.isBefore(instant));
		}

	}

	private record Event(Instant at, int delta) {
	}

}
