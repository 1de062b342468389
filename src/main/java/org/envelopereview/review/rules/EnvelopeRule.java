package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

/** Turns one envelope, as exercised in the period, into zero or more breaches. */
public interface EnvelopeRule {

	/**
	 * The codes of the breaches this rule produces; no other rule produces them
	 * ({@code FindingProducersTests}).
	 */
	Set<FindingCode> codes();

	void evaluate(Envelope envelope, EnvelopeContext context, Consumer<Breach> breaches);

}
