package org.envelopereview.review.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import inet.ipaddr.IPAddress;

import org.envelopereview.envelope.ActionClass;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.PortRange;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.Severity;
import org.envelopereview.review.scope.ExercisedScope;
import org.envelopereview.review.scope.ScopeMeasurer;

import org.springframework.stereotype.Component;

/**
 * EXP-NEAR-BOUNDS: the exercised scope reached {@code review.thresholds.near-bounds} of
 * the declared address space, ports, maxActionsPerPeriod or maxOpenRules (against the
 * peak of rules open at once); exceeding a bound is reported with severity high. A
 * declared scope of a single port or address is not "near" its bound when it is used:
 * that is its only use.
 */
@Component
class NearBoundsRule implements EnvelopeRule {

	private static final java.util.Set<String> SCOPE_DIMENSIONS = java.util.Set.of("ipv4Addresses", "ipv6Addresses",
			"ports");

	private final ReviewThresholds thresholds;

	NearBoundsRule(ReviewThresholds thresholds) {
		this.thresholds = thresholds;
	}

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.EXP_NEAR_BOUNDS);
	}

	@Override
	public void evaluate(Envelope envelope, EnvelopeContext context, Consumer<Breach> breaches) {
		ExercisedScope current = context.current();
		List<IPAddress> declaredBlocks = declaredCidrs(envelope);
		if (declaredBlocks != null) {
			compare(envelope, context, "ipv4Addresses", current.ipv4Addresses(),
					ExercisedScope.addressCount(ScopeMeasurer.merge(declaredBlocks, true)), breaches);
			compare(envelope, context, "ipv6Addresses", current.ipv6Addresses(),
					ExercisedScope.addressCount(ScopeMeasurer.merge(declaredBlocks, false)), breaches);
		}
		List<PortRange> declaredPorts = declaredPorts(envelope);
		if (declaredPorts != null) {
			compare(envelope, context, "ports", BigInteger.valueOf(current.portCount()),
					BigInteger.valueOf(ExercisedScope.portCount(ScopeMeasurer.mergePorts(declaredPorts))), breaches);
		}
		if (envelope.bounds() != null && envelope.bounds().maxActionsPerPeriod() != null) {
			compare(envelope, context, "maxActionsPerPeriod", BigInteger.valueOf(current.actionCount()),
					BigInteger.valueOf(envelope.bounds().maxActionsPerPeriod()), breaches);
		}
		if (envelope.bounds() != null && envelope.bounds().maxOpenRules() != null) {
			compare(envelope, context, "maxOpenRules", BigInteger.valueOf(current.openRules().peak()),
					BigInteger.valueOf(envelope.bounds().maxOpenRules()), breaches);
		}
	}

	private void compare(Envelope envelope, EnvelopeContext context, String dimension, BigInteger exercised,
			BigInteger declared, Consumer<Breach> breaches) {
		if (declared.signum() == 0) {
			return; // nothing declared: any use is already out of scope, not near a bound
		}
		if (SCOPE_DIMENSIONS.contains(dimension) && declared.equals(BigInteger.ONE)
				&& exercised.compareTo(declared) <= 0) {
			return; // a single allowed port or address: using it is the only use, not
					// pressure on the bound
		}
		BigDecimal ratio = new BigDecimal(exercised).divide(new BigDecimal(declared), 6, java.math.RoundingMode.DOWN);
		if (ratio.compareTo(BigDecimal.valueOf(this.thresholds.nearBounds())) < 0) {
			return;
		}
		boolean exceeded = exercised.compareTo(declared) > 0;
		breaches.accept(Breach.of(FindingCode.EXP_NEAR_BOUNDS)
			.envelope(envelope.id())
			.about(dimension)
			.severity(exceeded ? Severity.HIGH : Severity.MEDIUM)
			.evidence("dimension", dimension)
			.evidence("exercised", exercised)
			.evidence("declared", declared)
			.evidence("threshold", this.thresholds.nearBounds())
			.explain(envelope.id() + ": " + dimension + " exercised " + Wording.count(exercised) + " of "
					+ Wording.count(declared) + " declared (" + ScopeGrowthRule.percent(ratio.doubleValue()) + ") in "
					+ context.period().label() + (exceeded ? " — bound exceeded"
							: ", at or above " + ScopeGrowthRule.percent(this.thresholds.nearBounds()))));
	}

	/**
	 * The union of the CIDRs its classes declare, or {@code null} when no class
	 * constrains addresses.
	 */
	private static List<IPAddress> declaredCidrs(Envelope envelope) {
		List<List<IPAddress>> declared = envelope.actions()
			.stream()
			.map((actionClass) -> actionClass.scope().cidrs())
			.filter(Objects::nonNull)
			.toList();
		return declared.isEmpty() ? null : declared.stream().flatMap(List::stream).toList();
	}

	private static List<PortRange> declaredPorts(Envelope envelope) {
		List<ActionClass> constrained = envelope.actions()
			.stream()
			.filter((actionClass) -> actionClass.scope().ports() != null)
			.toList();
		if (constrained.isEmpty()) {
			return null;
		}
		List<PortRange> ports = new ArrayList<>();
		constrained.forEach((actionClass) -> ports.addAll(actionClass.scope().ports()));
		return ports;
	}

}
