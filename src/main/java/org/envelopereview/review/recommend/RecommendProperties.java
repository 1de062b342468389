package org.envelopereview.review.recommend;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How recommendations look back ({@code review.recommend.*}).
 *
 * @param lookBackPeriods how many periods before the reviewed one the narrowing looks
 * back over (never before the envelope's approval date)
 * @param dormantPeriods how many consecutive periods, ending with the reviewed one, with
 * no action under an envelope make it a candidate to retire
 */
@ConfigurationProperties("review.recommend")
public record RecommendProperties(@DefaultValue("4") int lookBackPeriods, @DefaultValue("2") int dormantPeriods) {

	public static final RecommendProperties DEFAULTS = new RecommendProperties(4, 2);

	public RecommendProperties {
		if (lookBackPeriods < 0) {
			throw new IllegalArgumentException(
					"review.recommend.look-back-periods must be 0 or more, not " + lookBackPeriods);
		}
		if (dormantPeriods < 1) {
			throw new IllegalArgumentException(
					"review.recommend.dormant-periods must be 1 or more, not " + dormantPeriods);
		}
	}

}
