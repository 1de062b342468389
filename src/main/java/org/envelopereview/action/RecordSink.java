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
	 * A provider event read, whatever became of it (mapped, skipped, not reviewed or
	 * quarantined): the provider log covers its account and region at its time (SPEC §7,
	 * LOG-UNCONFIRMED). Native records are no provider events and never call it.
	 * @param account the account, or {@code null} when the event carried none
	 * @param region the region, or {@code null} when the event carried none
	 */
	default void observed(String provider, String account, String region, Instant at) {
	}

	/**
	 * A write event not reviewed, with its time, so that the packs of the period in which
	 * it occurred list it.
	 */
	default void notReviewed(String name, Instant occurredAt) {
		notReviewed(name);
	}

	/**
	 * A region that the provider recorded for a change and that no region catalogue
	 * knows: kept as recorded, and warned about.
	 */
	default void unknownRegion(String provider, String region) {
	}

}
