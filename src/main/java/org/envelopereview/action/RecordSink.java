package org.envelopereview.action;

import java.time.Instant;
import java.util.List;

/** Receives what a format reader makes of its input, record by record. */
public interface RecordSink {

	/** One input record; a CloudTrail event can give several actions. */
	void accept(List<SourceRecord> records);

	void quarantine(long line, String raw, String reason, String recordId, Instant occurredAt);

	/** A well-formed record that only read (a CloudTrail event name). */
	void skip(String name);

	/**
	 * A provider's write event that maps to no canonical type (SPEC §7): counted by name,
	 * not reviewed.
	 */
	void notReviewed(String name);

	/**
	 * A write event not reviewed, with its time, so that the packs of the period in which
	 * it occurred list it.
	 */
	default void notReviewed(String name, Instant occurredAt) {
		notReviewed(name);
	}

}
