package org.envelopereview.generator;

import java.time.Instant;
import java.util.Map;

import org.envelopereview.action.Action;
import org.envelopereview.action.Action.ApprovalRecord;
import org.envelopereview.action.Action.Rationale;
import org.envelopereview.action.ActionHash;

/**
 * Chains one agent's records at the source, as an agent platform that signs its own log
 * would, and — when asked — edits one of them after it was hashed, the way someone
 * back-filling an approval would: the review must then report the broken chain.
 */
final class SourceChain {

	private final String agent;

	private final Instant tamperFrom;

	private long seq;

	private String prevHash = ActionHash.GENESIS;

	private boolean tampered;

	/**
	 * @param agent the agent whose records carry seq, prevHash and hash
	 * @param tamperFrom the first of its records at or after this instant is edited after
	 * hashing, or {@code null} for none
	 */
	SourceChain(String agent, Instant tamperFrom) {
		this.agent = agent;
		this.tamperFrom = tamperFrom;
	}

	GeneratedAction apply(GeneratedAction action) {
		if (!this.agent.equals(action.fields().get("agent"))) {
			return action;
		}
		Action chained = ActionHash.chain(toAction(action.fields()), ++this.seq, this.prevHash);
		this.prevHash = chained.hash();
		GeneratedAction result = action.with("seq", chained.seq())
			.with("prevHash", chained.prevHash())
			.with("hash", chained.hash());
		if (!this.tampered && this.tamperFrom != null && !action.occurredAt().isBefore(this.tamperFrom)) {
			this.tampered = true;
			return result.with("approval", ActionFactory.approval("APR-BACKFILLED-0001", "jmin@example.com"));
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private static Action toAction(Map<String, Object> fields) {
		Map<String, Object> rationale = (Map<String, Object>) fields.getOrDefault("rationale", Map.of());
		Map<String, Object> approval = (Map<String, Object>) fields.getOrDefault("approval", Map.of());
		Number confidence = (Number) rationale.get("confidence");
		return new Action((String) fields.get("id"), Instant.parse((String) fields.get("occurredAt")),
				(String) fields.get("agent"), (String) fields.get("modelVersion"), (String) fields.get("envelope"),
				(String) fields.get("type"), (String) fields.get("resource"), (String) fields.get("region"),
				(String) fields.get("protocol"), (String) fields.get("ports"), (String) fields.get("cidr"),
				new Rationale((String) rationale.get("signal"), (String) rationale.get("text"),
						(confidence != null) ? confidence.doubleValue() : null),
				new ApprovalRecord((String) approval.get("ref"), (String) approval.get("approver")),
				(String) fields.get("changeRef"), instant(fields.get("revertBy")), (String) fields.get("reverts"),
				Action.Outcome.SUCCEEDED, null, 0, null, null, null,
				new Action.Provenance(Action.Provenance.AGENT_PROVIDER, null, (String) fields.get("account"),
						(String) fields.get("providerEventId"), null, null));
	}

	private static Instant instant(Object value) {
		return (value != null) ? Instant.parse((String) value) : null;
	}

}
