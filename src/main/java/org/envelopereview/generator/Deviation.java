package org.envelopereview.generator;

/**
 * The deliberate departures from the envelopes that the example history contains, so a
 * review of it shows every kind of finding. Each is injected once per quarter of the
 * generated window.
 */
enum Deviation {

	/** A type the envelope does not authorize. */
	ACTION_TYPE,
	/** A resource outside the class's resource globs. */
	RESOURCE,
	/** A world-open CIDR where the class allows only private ranges. */
	CIDR,
	/** SSH opened where the class allows other ports. */
	PORT,
	/** UDP where the class allows only TCP. */
	PROTOCOL,
	/** A region the envelope does not list (data residency). */
	REGION,
	/** An agent the envelope does not list. */
	AGENT,
	/** A model version the envelope does not list. */
	MODEL,
	/** A tier-3 change with no recorded human approval. */
	UNAPPROVED,
	/** A tier-4 change with no change ticket. */
	TIER4_NO_CHANGE,
	/** A temporary change never reverted. */
	NOT_REVERTED,
	/** Low confidence and no triggering signal. */
	RATIONALE,
	/** An action that names no envelope. */
	NO_ENVELOPE,
	/** An action naming an envelope that does not exist. */
	UNKNOWN_ENVELOPE,
	/** Logging switched off outside a tier-4 change. */
	LOG_SUPPRESSION,
	/** Permanent permissive rules added and never removed. */
	RULE_DRIFT,
	/** Enough activity to press on the envelope's declared maximum. */
	NEAR_BOUNDS

}
