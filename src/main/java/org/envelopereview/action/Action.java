package org.envelopereview.action;

import java.time.Instant;

/**
 * One change an agent made or tried, in canonical form (SPEC §3). Optional fields are
 * {@code null} when the source did not carry them.
 *
 * @param type a canonical action type, see {@link ActionTypes}
 * @param ports a single port or an inclusive range such as {@code 8443-8444}
 * @param cidr an IPv4 or IPv6 prefix
 * @param reverts the id of the earlier action this one reverts
 * @param outcome whether the change took effect; failed attempts are recorded but are not
 * changes
 * @param seq position in the agent's hash chain
 * @param recordedCidr the CIDR as a provider's audit log recorded it, when that had host
 * bits set and {@code cidr} is its normalised prefix (SPEC §7); never set by native
 * records
 */
public record Action(String id, Instant occurredAt, String agent, String modelVersion, String envelopeId, String type,
		String resource, String region, String protocol, String ports, String cidr, Rationale rationale,
		ApprovalRecord approval, String changeRef, Instant revertBy, String reverts, Outcome outcome, String errorCode,
		long seq, String prevHash, String hash, String recordedCidr) {

	/** An action whose CIDR is as recorded (every native record). */
	public Action(String id, Instant occurredAt, String agent, String modelVersion, String envelopeId, String type,
			String resource, String region, String protocol, String ports, String cidr, Rationale rationale,
			ApprovalRecord approval, String changeRef, Instant revertBy, String reverts, Outcome outcome,
			String errorCode, long seq, String prevHash, String hash) {
		this(id, occurredAt, agent, modelVersion, envelopeId, type, resource, region, protocol, ports, cidr, rationale,
				approval, changeRef, revertBy, reverts, outcome, errorCode, seq, prevHash, hash, null);
	}

	/** Why the agent acted. */
	public record Rationale(String signal, String text, Double confidence) {

		public static final Rationale NONE = new Rationale(null, null, null);

	}

	/** The human authorization recorded for the action, if any. */
	public record ApprovalRecord(String ref, String approver) {

		public static final ApprovalRecord NONE = new ApprovalRecord(null, null);

	}

	/** Whether the change took effect. */
	public enum Outcome {

		SUCCEEDED, FAILED

	}

}
