package org.envelopereview.review.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import org.envelopereview.action.Action;
import org.envelopereview.envelope.ActionClass;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.PortRange;
import org.envelopereview.envelope.Scope;
import org.envelopereview.finding.FindingCode;

/**
 * Exact scope matching (SPEC §2 and §4): globs for resources and model versions, CIDR
 * containment for IPv4 and IPv6, inclusive port ranges. A dimension left out places no
 * constraint; an empty list allows nothing; a constrained dimension the action carries no
 * value for is out of scope.
 */
public final class ScopeMatcher {

	public static final String NONE = "(none)";

	/**
	 * Globs come from the envelopes (a few thousand at most), and every action is matched
	 * against them: compile each once.
	 */
	private static final Map<String, Pattern> GLOBS = new ConcurrentHashMap<>();

	/**
	 * Action CIDRs repeat heavily (agents reuse their address blocks); parsing is the
	 * dearest part of matching. Bounded: cleared when full, so memory cannot grow with
	 * the history.
	 */
	private static final Map<String, Optional<IPAddress>> CIDRS = new ConcurrentHashMap<>();

	private static final int CIDR_CACHE_SIZE = 10_000;

	private ScopeMatcher() {
	}

	/**
	 * The action class of the action's type that it fits best, with what does not fit.
	 */
	public static Optional<Fit> bestFit(Envelope envelope, Action action) {
		// loops, not streams: this runs for every action
		Fit best = null;
		for (ActionClass actionClass : envelope.actions()) {
			if (actionClass.type().equals(action.type())) {
				Fit fit = new Fit(actionClass, violations(actionClass.scope(), action));
				// stable: among equally good classes the first declared wins
				if (best == null || fit.violations().size() < best.violations().size()) {
					best = fit;
				}
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * Among several envelopes, the one the action fits best (SPEC §7 attribution): one
	 * that authorizes its type before one that does not, then the fewest dimensions out
	 * of scope; among equally good ones the first given.
	 */
	public static Envelope bestEnvelope(List<Envelope> candidates, Action action) {
		Envelope best = null;
		int bestRank = Integer.MAX_VALUE;
		for (Envelope envelope : candidates) {
			int rank = bestFit(envelope, action).map((fit) -> fit.violations().size()).orElse(Integer.MAX_VALUE - 1);
			if (best == null || rank < bestRank) {
				best = envelope;
				bestRank = rank;
			}
		}
		return best;
	}

	static List<ScopeViolation> violations(Scope scope, Action action) {
		List<ScopeViolation> violations = new ArrayList<>();
		check(FindingCode.OOS_RESOURCE, "resources", scope.resources(), action.resource(), ScopeMatcher::anyGlobMatches,
				Function.identity(), violations);
		check(FindingCode.OOS_CIDR, "cidrs", scope.cidrs(), action.cidr(), ScopeMatcher::cidrsContain,
				IPAddress::toString, violations);
		check(FindingCode.OOS_PORT, "ports", scope.ports(), action.ports(), ScopeMatcher::portsContain,
				PortRange::toString, violations);
		check(FindingCode.OOS_PROTOCOL, "protocols", scope.protocols(), action.protocol(),
				(allowed, actual) -> allowed.stream().anyMatch(actual::equalsIgnoreCase), Function.identity(),
				violations);
		check(FindingCode.OOS_REGION, "regions", scope.regions(), action.region(),
				(allowed, actual) -> allowed.contains(actual), Function.identity(), violations);
		return violations;
	}

	private static <T> void check(FindingCode code, String dimension, List<T> allowed, String actual,
			BiPredicate<List<T>, String> fits, Function<T, String> text, List<ScopeViolation> violations) {
		if (allowed == null) {
			return;
		}
		boolean inScope = actual != null && !actual.isBlank() && fits.test(allowed, actual.trim());
		if (!inScope) {
			violations.add(new ScopeViolation(code, dimension, (actual != null && !actual.isBlank()) ? actual : NONE,
					describe(allowed, text)));
		}
	}

	public static <T> String describe(List<T> allowed, Function<T, String> text) {
		return allowed.isEmpty() ? "nothing" : allowed.stream().map(text).collect(Collectors.joining(", "));
	}

	/**
	 * Whether a glob ({@code *} any run of characters, {@code ?} one character) matches.
	 */
	static boolean globMatches(String glob, String value) {
		return value != null && globPattern(glob).matcher(value).matches();
	}

	public static boolean anyGlobMatches(List<String> globs, String value) {
		for (String glob : globs) {
			if (globMatches(glob, value)) {
				return true;
			}
		}
		return false;
	}

	private static Pattern globPattern(String glob) {
		return GLOBS.computeIfAbsent(glob, ScopeMatcher::compileGlob);
	}

	private static Pattern compileGlob(String glob) {
		StringBuilder regex = new StringBuilder();
		StringBuilder literal = new StringBuilder();
		for (char c : glob.toCharArray()) {
			if (c == '*' || c == '?') {
				if (!literal.isEmpty()) {
					regex.append(Pattern.quote(literal.toString()));
					literal.setLength(0);
				}
				regex.append((c == '*') ? ".*" : ".");
			}
			else {
				literal.append(c);
			}
		}
		if (!literal.isEmpty()) {
			regex.append(Pattern.quote(literal.toString()));
		}
		return Pattern.compile(regex.toString(), Pattern.DOTALL);
	}

	/**
	 * Whether the action's prefix lies wholly inside one of the declared ones (same IP
	 * version).
	 */
	static boolean cidrsContain(List<IPAddress> allowed, String actual) {
		IPAddress address = parseCidr(actual).orElse(null);
		if (address == null) {
			return false;
		}
		for (IPAddress block : allowed) {
			if (block.getIPVersion() == address.getIPVersion() && block.toPrefixBlock().contains(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Parses an action's CIDR as the block it opens: {@code 10.0.2.7/24} opens
	 * 10.0.2.0/24, a bare address opens only itself.
	 */
	static Optional<IPAddress> parseCidr(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		Optional<IPAddress> parsed = CIDRS.get(text);
		if (parsed == null) {
			IPAddress address = new IPAddressString(text.trim()).getAddress();
			parsed = Optional.ofNullable(address).map(IPAddress::toPrefixBlock);
			if (CIDRS.size() >= CIDR_CACHE_SIZE) {
				CIDRS.clear();
			}
			CIDRS.put(text, parsed);
		}
		return parsed;
	}

	/** Whether every port the action opens lies inside one declared range. */
	static boolean portsContain(List<PortRange> allowed, String actual) {
		List<PortRange> ranges = parsePorts(actual);
		if (ranges.isEmpty()) {
			return false;
		}
		for (PortRange range : ranges) {
			if (!anyContains(allowed, range)) {
				return false;
			}
		}
		return true;
	}

	private static boolean anyContains(List<PortRange> allowed, PortRange range) {
		for (PortRange block : allowed) {
			if (block.contains(range)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Parses {@code 443}, {@code 8443-8444} or a comma-separated list of those; empty
	 * when the text is not a valid port specification.
	 */
	static List<PortRange> parsePorts(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<PortRange> ranges = new ArrayList<>();
		for (String part : text.split(",")) {
			String[] bounds = part.trim().split("-", -1);
			try {
				int from = Integer.parseInt(bounds[0].trim());
				int to = (bounds.length == 2) ? Integer.parseInt(bounds[1].trim()) : from;
				if (bounds.length > 2) {
					return List.of();
				}
				ranges.add(new PortRange(from, to));
			}
			catch (IllegalArgumentException ex) {
				return List.of();
			}
		}
		return ranges;
	}

	/** An action class and the dimensions of the action that lie outside its scope. */
	public record Fit(ActionClass actionClass, List<ScopeViolation> violations) {

		public Fit {
			violations = List.copyOf(violations);
		}

	}

}
