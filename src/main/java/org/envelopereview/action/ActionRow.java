package org.envelopereview.action;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * An action as one row of {@code agent_action}: the shape bound to the inserts (public
 * only so that Jdbi can read its accessors).
 */
public record ActionRow(String id, OffsetDateTime occurredAt, String agent, String modelVersion, String envelopeId,
		String actionType, String resource, String region, String protocol, String ports, String cidr,
		String rationaleSignal, String rationaleText, Double confidence, String approvalRef, String approver,
		String changeRef, OffsetDateTime revertBy, String reverts, String outcome, String errorCode, long seq,
		String prevHash, String hash, String chainedBy, Long ingestSourceId, Long sourceLine, String recordedCidr,
		String provider, String principal, String account, String providerEventId, String userAgent, String sourceIp) {

	public static final String CHAINED_BY_SOURCE = "source";

	public static final String CHAINED_BY_INGEST = "ingest";

	public static ActionRow of(Action action, String chainedBy, Long ingestSourceId, Long sourceLine) {
		Action.Rationale rationale = (action.rationale() != null) ? action.rationale() : Action.Rationale.NONE;
		Action.ApprovalRecord approval = (action.approval() != null) ? action.approval() : Action.ApprovalRecord.NONE;
		Action.Provenance provenance = action.provenance();
		return new ActionRow(action.id(), utc(action.occurredAt()), action.agent(), action.modelVersion(),
				action.envelopeId(), action.type(), action.resource(), action.region(), action.protocol(),
				action.ports(), action.cidr(), rationale.signal(), rationale.text(), rationale.confidence(),
				approval.ref(), approval.approver(), action.changeRef(), utc(action.revertBy()), action.reverts(),
				(action.outcome() == Action.Outcome.FAILED) ? "failed" : "succeeded", action.errorCode(), action.seq(),
				action.prevHash(), action.hash(), chainedBy, ingestSourceId, sourceLine, action.recordedCidr(),
				provenance.provider(), provenance.principal(), provenance.account(), provenance.providerEventId(),
				provenance.userAgent(), provenance.sourceIp());
	}

	/**
	 * The envelope the review judges the action under until a review attributes it: its
	 * claim. A review run rewrites it for actions that claim none (SPEC §7).
	 */
	public String attributedEnvelopeId() {
		return ActionFields.blankToNull(this.envelopeId);
	}

	static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
