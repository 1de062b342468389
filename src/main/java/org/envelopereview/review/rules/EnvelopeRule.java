package org.envelopereview.review.rules;

import java.util.function.Consumer;

import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Breach;

/** Turns one envelope, as exercised in the period, into zero or more breaches. */
public interface EnvelopeRule {

	void evaluate(Envelope envelope, EnvelopeContext context, Consumer<Breach> breaches);

}
