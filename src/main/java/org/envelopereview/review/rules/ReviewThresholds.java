package org.envelopereview.review.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the expansion findings ({@code review.thresholds.*}).
 *
 * @param scopeGrowth EXP-SCOPE-GROWTH fires when a dimension grows strictly more than
 * this fraction over the previous period
 * @param nearBounds EXP-NEAR-BOUNDS fires when exercised scope reaches this fraction of
 * the declared scope or bounds
 */
@ConfigurationProperties("review.thresholds")
public record ReviewThresholds(@DefaultValue("0.25") double scopeGrowth, @DefaultValue("0.80") double nearBounds) {

	public static final ReviewThresholds DEFAULTS = new ReviewThresholds(0.25, 0.80);

}
