package org.envelopereview.review.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;

import org.envelopereview.action.ActionTypes;
import org.envelopereview.envelope.ActionClass;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.PortRange;
import org.envelopereview.envelope.Scope;
import org.envelopereview.review.recommend.Recommendation.ScopeChange;
import org.envelopereview.review.scope.ScopeMeasurer;
import org.envelopereview.review.scope.ScopeUse;

/**
 * The declared scope of an envelope that its agents never exercised over the look-back,
 * per dimension, and the envelope as it would read without it.
 * <p>
 * Only uses inside the declared scope count: an out-of-scope action opening 0.0.0.0/0
 * does not make 10.0.0.0/16 "used". CIDRs and ports are judged on the classes that open
 * rules, as the exercised scope counts them (SPEC §4 EXP-SCOPE-GROWTH): a class that only
 * removes rules keeps its CIDRs and ports. An unused part of a declared block is proposed
 * only down to a sixteenth of the block (a /20 of a /16): finer cuts would fit the
 * envelope to the past actions, not to the task it was approved for.
 */
final class UnusedScope {

	/** How many prefix bits below a declared block an unused block may be proposed. */
	static final int FINEST_CUT_BITS = 4;

	private final Envelope envelope;

	private final ScopeUse used;

	private final String since;

	private final Set<String> unusedTypes = new LinkedHashSet<>();

	private final List<IPAddress> unusedBlocks = new ArrayList<>();

	private final List<PortRange> unusedPorts = new ArrayList<>();

	private final Set<String> unusedRegions = new LinkedHashSet<>();

	private final Set<String> unusedAgents = new LinkedHashSet<>();

	/** Unused parts of declared blocks left out as finer than the finest cut. */
	private int finerGaps;

	private UnusedScope(Envelope envelope, ScopeUse used, String since) {
		this.envelope = envelope;
		this.used = used;
		this.since = since;
	}

	static UnusedScope of(Envelope envelope, ScopeUse used, String since) {
		UnusedScope unused = new UnusedScope(envelope, used, since);
		unused.measure();
		return unused;
	}

	private void measure() {
		for (ActionClass actionClass : this.envelope.actions()) {
			if (!this.used.actionTypes().contains(actionClass.type())) {
				this.unusedTypes.add(actionClass.type());
			}
		}
		List<IPAddress> declaredCidrs = new ArrayList<>();
		List<PortRange> declaredPorts = new ArrayList<>();
		Set<String> declaredRegions = new LinkedHashSet<>();
		for (ActionClass actionClass : this.envelope.actions()) {
			Scope scope = scope(actionClass);
			if (ActionTypes.isOpening(actionClass.type())) {
				if (scope.cidrs() != null) {
					declaredCidrs.addAll(scope.cidrs());
				}
				if (scope.ports() != null) {
					declaredPorts.addAll(scope.ports());
				}
			}
			if (scope.regions() != null) {
				declaredRegions.addAll(scope.regions());
			}
		}
		unusedCidrs(ScopeMeasurer.merge(declaredCidrs, true));
		unusedCidrs(ScopeMeasurer.merge(declaredCidrs, false));
		unusedPorts(ScopeMeasurer.mergePorts(declaredPorts));
		declaredRegions.stream()
			.filter((region) -> !this.used.regions().contains(region))
			.forEach(this.unusedRegions::add);
		if (this.envelope.agents() != null) {
			this.envelope.agents()
				.stream()
				.filter((agent) -> !this.used.agents().contains(agent))
				.forEach(this.unusedAgents::add);
		}
	}

	private void unusedCidrs(List<IPAddress> declared) {
		for (IPAddress block : declared) {
			List<IPAddress> inside = this.used.cidrsOpened()
				.stream()
				.filter((opened) -> opened.isIPv4() == block.isIPv4() && block.contains(opened))
				.toList();
			List<IPAddressSeqRange> gaps = gaps(block.toSequentialRange(), ScopeMeasurer.merge(inside, block.isIPv4()));
			int finest = block.getPrefixLength() + FINEST_CUT_BITS;
			for (IPAddressSeqRange gap : gaps) {
				for (IPAddress unused : gap.spanWithPrefixBlocks()) {
					if (unused.getPrefixLength() <= finest) {
						this.unusedBlocks.add(unused);
					}
					else {
						this.finerGaps++;
					}
				}
			}
		}
	}

	/** What of {@code whole} the sorted, disjoint {@code taken} blocks leave. */
	private static List<IPAddressSeqRange> gaps(IPAddressSeqRange whole, List<IPAddress> taken) {
		List<IPAddressSeqRange> left = new ArrayList<>(List.of(whole));
		// in ascending order each taken block can only cut the highest range left
		for (IPAddress block : taken.stream().sorted(Comparator.comparing(IPAddress::getValue)).toList()) {
			if (left.isEmpty()) {
				break;
			}
			IPAddressSeqRange[] rest = left.remove(left.size() - 1).subtract(block.toSequentialRange());
			if (rest != null) {
				left.addAll(List.of(rest));
			}
		}
		return left;
	}

	private void unusedPorts(List<PortRange> declared) {
		List<PortRange> inside = ScopeMeasurer.mergePorts(this.used.portsOpened()
			.stream()
			.filter((opened) -> declared.stream().anyMatch((range) -> range.contains(opened)))
			.toList());
		for (PortRange range : declared) {
			int next = range.from();
			for (PortRange taken : inside) {
				if (taken.to() < range.from() || taken.from() > range.to()) {
					continue;
				}
				if (taken.from() > next) {
					this.unusedPorts.add(new PortRange(next, taken.from() - 1));
				}
				next = taken.to() + 1;
			}
			if (next <= range.to()) {
				this.unusedPorts.add(new PortRange(next, range.to()));
			}
		}
	}

	/** Whether the look-back exercised nothing the envelope allows. */
	boolean nothingUsed() {
		return this.used.actionCount() == 0;
	}

	boolean isEmpty() {
		return this.unusedTypes.isEmpty() && this.unusedBlocks.isEmpty() && this.unusedPorts.isEmpty()
				&& this.unusedRegions.isEmpty() && this.unusedAgents.isEmpty();
	}

	int finerGaps() {
		return this.finerGaps;
	}

	/** Each unused value, in the order the envelope file declares its dimensions. */
	List<ScopeChange> changes() {
		List<ScopeChange> changes = new ArrayList<>();
		String tail = " never used since " + this.since;
		this.unusedTypes.forEach((type) -> changes.add(new ScopeChange("actionTypes", type, "type " + type + tail)));
		this.unusedBlocks
			.forEach((block) -> changes.add(new ScopeChange("cidrs", block.toString(), "CIDR " + block + tail)));
		this.unusedPorts.forEach((range) -> changes.add(
				new ScopeChange("ports", range.toString(), ((range.size() == 1) ? "port " : "ports ") + range + tail)));
		this.unusedRegions
			.forEach((region) -> changes.add(new ScopeChange("regions", region, "region " + region + tail)));
		this.unusedAgents.forEach((agent) -> changes
			.add(new ScopeChange("agents", agent, "agent " + agent + " never acted since " + this.since)));
		return changes;
	}

	/**
	 * The envelope narrowed: per action class, its declared values and what they become;
	 * one line per class or field that changes.
	 */
	List<String> proposal() {
		List<String> lines = new ArrayList<>();
		for (ActionClass actionClass : this.envelope.actions()) {
			if (this.unusedTypes.contains(actionClass.type())) {
				lines.add(actionClass.type() + ": remove the class");
				continue;
			}
			Scope scope = scope(actionClass);
			List<String> parts = new ArrayList<>();
			if (ActionTypes.isOpening(actionClass.type())) {
				change(parts, "cidrs", scope.cidrs(), this::narrowCidr);
				change(parts, "ports", scope.ports(), this::narrowPorts);
			}
			change(parts, "regions", scope.regions(),
					(region) -> this.unusedRegions.contains(region) ? List.of() : List.of(region));
			if (!parts.isEmpty()) {
				lines.add(actionClass.type() + ": " + String.join("; ", parts));
			}
		}
		if (!this.unusedAgents.isEmpty()) {
			List<String> kept = this.envelope.agents()
				.stream()
				.filter(Predicate.not(this.unusedAgents::contains))
				.toList();
			lines.add("agents: " + String.join(", ", this.envelope.agents()) + " → " + listed(kept));
		}
		return lines;
	}

	private static <T> void change(List<String> parts, String field, List<T> declared,
			java.util.function.Function<T, List<?>> narrowed) {
		if (declared == null) {
			return;
		}
		List<Object> after = new ArrayList<>();
		declared.forEach((value) -> after.addAll(narrowed.apply(value)));
		List<String> before = declared.stream().map(Object::toString).toList();
		List<String> afterText = after.stream().map(Object::toString).toList();
		if (!before.equals(afterText)) {
			parts.add(field + " " + String.join(", ", before) + " → " + listed(afterText));
		}
	}

	private List<IPAddress> narrowCidr(IPAddress declared) {
		List<IPAddress> inside = this.unusedBlocks.stream()
			.filter((unused) -> unused.isIPv4() == declared.isIPv4() && declared.contains(unused))
			.toList();
		if (inside.isEmpty()) {
			boolean wholeUnused = this.unusedBlocks.stream()
				.anyMatch((unused) -> unused.isIPv4() == declared.isIPv4() && unused.contains(declared));
			return wholeUnused ? List.of() : List.of(declared);
		}
		List<IPAddress> kept = new ArrayList<>();
		for (IPAddressSeqRange left : gaps(declared.toSequentialRange(), inside)) {
			kept.addAll(List.of(left.spanWithPrefixBlocks()));
		}
		return kept;
	}

	private List<PortRange> narrowPorts(PortRange declared) {
		List<PortRange> kept = new ArrayList<>();
		int next = declared.from();
		for (PortRange unused : this.unusedPorts.stream().sorted(Comparator.comparingInt(PortRange::from)).toList()) {
			if (unused.to() < declared.from() || unused.from() > declared.to()) {
				continue;
			}
			if (unused.from() > next) {
				kept.add(new PortRange(next, unused.from() - 1));
			}
			next = Math.max(next, unused.to() + 1);
		}
		if (next <= declared.to()) {
			kept.add(new PortRange(next, declared.to()));
		}
		return kept;
	}

	private static String listed(List<String> values) {
		return values.isEmpty() ? "nothing" : String.join(", ", values);
	}

	private static Scope scope(ActionClass actionClass) {
		return (actionClass.scope() != null) ? actionClass.scope() : Scope.UNCONSTRAINED;
	}

}
