package org.envelopereview.generator;

import java.time.Instant;

/**
 * What to generate.
 *
 * @param actions how many ordinary actions (reverts, deviations and malformed lines come
 * on top)
 * @param seed the random seed: the same request gives the same file
 * @param from first instant of the window (inclusive)
 * @param to end of the window (exclusive)
 * @param deviations whether to inject the deviations and malformed records the demo needs
 */
public record GenerationRequest(long actions, long seed, Instant from, Instant to, boolean deviations) {

	public GenerationRequest {
		if (actions < 0) {
			throw new IllegalArgumentException("--actions must not be negative");
		}
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("--from must be before --to");
		}
	}

}
