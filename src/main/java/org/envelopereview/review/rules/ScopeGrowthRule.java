package org.envelopereview.review.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.review.scope.ScopeMeasurement;

import org.springframework.stereotype.Component;

/**
 * EXP-SCOPE-GROWTH: a dimension of the exercised scope grew strictly more than
 * {@code review.thresholds.scope-growth} over the previous period; one finding per
 * dimension. No previous-period activity means no finding (ENV-DORMANT covered it).
 */
@Component
class ScopeGrowthRule implements EnvelopeRule {

	private static final Map<String, Function<ScopeMeasurement, BigInteger>> DIMENSIONS = new LinkedHashMap<>();

	static {
		DIMENSIONS.put("actionTypes", (m) -> BigInteger.valueOf(m.actionTypes()));
		DIMENSIONS.put("resources", (m) -> BigInteger.valueOf(m.resources()));
		DIMENSIONS.put("ipv4Addresses", ScopeMeasurement::ipv4Addresses);
		DIMENSIONS.put("ipv6Addresses", ScopeMeasurement::ipv6Addresses);
		DIMENSIONS.put("ports", (m) -> BigInteger.valueOf(m.ports()));
		DIMENSIONS.put("regions", (m) -> BigInteger.valueOf(m.regions()));
		DIMENSIONS.put("agents", (m) -> BigInteger.valueOf(m.agents()));
	}

	private final ReviewThresholds thresholds;

	ScopeGrowthRule(ReviewThresholds thresholds) {
		this.thresholds = thresholds;
	}

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.EXP_SCOPE_GROWTH);
	}

	@Override
	public void evaluate(Envelope envelope, EnvelopeContext context, Consumer<Breach> breaches) {
		ScopeMeasurement previous = context.previous();
		if (previous == null || previous.actionCount() == 0) {
			return;
		}
		ScopeMeasurement current = context.current().measurement();
		BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(this.thresholds.scopeGrowth()));
		DIMENSIONS.forEach((dimension, value) -> {
			BigInteger before = value.apply(previous);
			BigInteger now = value.apply(current);
			if (new BigDecimal(now).compareTo(new BigDecimal(before).multiply(factor)) <= 0) {
				return;
			}
			breaches.accept(Breach.of(FindingCode.EXP_SCOPE_GROWTH)
				.envelope(envelope.id())
				.about(dimension)
				.evidence("dimension", dimension)
				.evidence("previous", before)
				.evidence("previousPeriod", previous.period())
				.evidence("current", now)
				.evidence("threshold", this.thresholds.scopeGrowth())
				.explain(envelope.id() + ": " + dimension + " exercised grew from " + Wording.count(before) + " in "
						+ previous.period() + " to " + Wording.count(now) + " in " + context.period().label() + " ("
						+ growth(before, now) + ", threshold +" + percent(this.thresholds.scopeGrowth()) + ")"));
		});
	}

	private static String growth(BigInteger before, BigInteger now) {
		if (before.signum() == 0) {
			return "new";
		}
		BigDecimal ratio = new BigDecimal(now.subtract(before)).divide(new BigDecimal(before), 4,
				java.math.RoundingMode.HALF_UP);
		return "+" + percent(ratio.doubleValue());
	}

	static String percent(double fraction) {
		return BigDecimal.valueOf(fraction * 100).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
	}

}
