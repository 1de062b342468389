package org.envelopereview.review.run;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often a run verifies every hash chain from seq 1 rather than from the checkpoints
 * of the run before.
 *
 * @param fullVerificationEvery a full verification at least once in this many runs (1:
 * every run). The default, 4, means at least once a year for quarterly reviews; re-runs,
 * board-only runs and custom windows count as runs too, so they bring the next full
 * verification forward, never postpone it
 */
@ConfigurationProperties("review.chain")
public record ChainProperties(@DefaultValue("4") int fullVerificationEvery) {

	public ChainProperties {
		if (fullVerificationEvery < 1) {
			throw new IllegalArgumentException("review.chain.full-verification-every must be at least 1 (1: every run "
					+ "verifies every chain in full), not " + fullVerificationEvery);
		}
	}

}
