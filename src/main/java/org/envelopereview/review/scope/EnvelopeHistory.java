package org.envelopereview.review.scope;

import java.time.Instant;

import org.envelopereview.period.Period;

/**
 * What the stored actions say about one envelope outside the measured period, as the
 * recommender asks it.
 */
public interface EnvelopeHistory {

	/**
	 * The distinct values exercised under the envelope in {@code [from, to)}, as
	 * {@link ScopeMeasurer#use} measures them.
	 */
	ScopeUse use(Instant from, Instant to);

	/**
	 * Every action naming the envelope in the period, failed ones included, as
	 * {@link ScopeMeasurer#attempts} counts them.
	 */
	long attempts(Period period);

}
