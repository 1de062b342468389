package org.envelopereview.review.rules;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How an action's two accounts of a change were reconciled (SPEC §7): for a provider's
 * action, the agent record that names its event; for an agent record whose event no
 * provider action recorded, what the provider log says of its time.
 *
 * @param agentRecordId the agent record judged with this provider action, or {@code null}
 * when no agent record names its event
 * @param differences the agent record's values where the provider's differ and won, keyed
 * {@code agent.<field>}
 * @param coveredFrom the start of the provider log's span that covers the agent record's
 * account, region and time, or {@code null} when none does
 * @param coveredTo the end of that span
 * @param quarantinedEvents how many provider events with the id the agent record names
 * were quarantined at ingest
 */
public record Reconciliation(String agentRecordId, SortedMap<String, String> differences, Instant coveredFrom,
		Instant coveredTo, long quarantinedEvents) {

	/** An action with nothing to reconcile. */
	public static final Reconciliation NONE = new Reconciliation(null, new TreeMap<>(), null, null, 0);

	public Reconciliation {
		differences = new TreeMap<>(differences);
	}

	/** A provider action joined with the agent record that names its event. */
	public static Reconciliation joined(String agentRecordId, Map<String, String> differences) {
		return new Reconciliation(agentRecordId, new TreeMap<>(differences), null, null, 0);
	}

	/** An agent record whose provider event is not among the provider's actions. */
	public static Reconciliation unmatched(Instant coveredFrom, Instant coveredTo, long quarantinedEvents) {
		return new Reconciliation(null, new TreeMap<>(), coveredFrom, coveredTo, quarantinedEvents);
	}

	/** Whether an agent record accounts for this provider action. */
	public boolean joined() {
		return this.agentRecordId != null;
	}

	/** Whether a provider log covers the agent record's account, region and time. */
	public boolean covered() {
		return this.coveredFrom != null && this.coveredTo != null;
	}

}
