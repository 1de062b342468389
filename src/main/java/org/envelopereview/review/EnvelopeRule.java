package org.envelopereview.review;

import java.util.function.Consumer;

import org.envelopereview.envelope.Envelope;

/** Turns one envelope, as exercised in the period, into zero or more breaches. */
interface EnvelopeRule {

	void evaluate(Envelope envelope, EnvelopeContext context, Consumer<Breach> breaches);

}
