package org.envelopereview.review;

import java.nio.file.Path;

import org.envelopereview.envelope.EnvelopeCatalog;

/** Reads an envelopes directory into a catalog (the envelope feature's loader). */
@FunctionalInterface
interface EnvelopeSource {

	EnvelopeCatalog load(Path directory);

}
