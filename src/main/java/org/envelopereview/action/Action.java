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
 * @param provenance who recorded the action and as whom it was made (SPEC §7)
 */
public record Action(String id, Instant occurredAt, String agent, String modelVersion, String envelopeId, String type,
		String resource, String region, String protocol, String ports, String cidr, Rationale rationale,
		ApprovalRecord approval, String changeRef, Instant revertBy, String reverts, Outcome outcome, String errorCode,
		long seq, String prevHash, String hash, String recordedCidr, Provenance provenance) {

	public Action {
		provenance = (provenance != null) ? provenance : Provenance.AGENT;
	}

	/** An action whose CIDR is as recorded (every native record). */
	public Action(String id, Instant occurredAt, String agent, String modelVersion, String envelopeId, String type,
			String resource, String region, String protocol, String ports, String cidr, Rationale rationale,
			ApprovalRecord approval, String changeRef, Instant revertBy, String reverts, Outcome outcome,
			String errorCode, long seq, String prevHash, String hash) {
		this(id, occurredAt, agent, modelVersion, envelopeId, type, resource, region, protocol, ports, cidr, rationale,
				approval, changeRef, revertBy, reverts, outcome, errorCode, seq, prevHash, hash, null,
				Provenance.AGENT);
	}

	/** The same action with its chain fields set. */
	public Action withChain(long seq, String prevHash, String hash) {
		return new Action(this.id, this.occurredAt, this.agent, this.modelVersion, this.envelopeId, this.type,
				this.resource, this.region, this.protocol, this.ports, this.cidr, this.rationale, this.approval,
				this.changeRef, this.revertBy, this.reverts, this.outcome, this.errorCode, seq, prevHash, hash,
				this.recordedCidr, this.provenance);
	}

	/**
	 * Whether a provider's audit log recorded the action, rather than the agent's own
	 * log.
	 */
	public boolean providerRecorded() {
		return !Provenance.AGENT_PROVIDER.equals(this.provenance.provider());
	}

	/** Why the agent acted. */
	public record Rationale(String signal, String text, Double confidence) {

		public static final Rationale NONE = new Rationale(null, null, null);

	}

	/** The human authorization recorded for the action, if any. */
	public record ApprovalRecord(String ref, String approver) {

		public static final ApprovalRecord NONE = new ApprovalRecord(null, null);

	}

	/**
	 * Who recorded the action and the identity it was made as (SPEC §7); every field but
	 * {@code provider} is {@code null} when the source did not carry it.
	 *
	 * @param provider {@code agent} for the agent's own record, else the cloud whose
	 * audit log recorded it ({@code aws}, {@code gcp}, {@code azure})
	 * @param principal the provider's actor: a role or user ARN, a service-account email,
	 * an Azure object id or UPN
	 * @param account the AWS account, GCP project or Azure subscription
	 * @param providerEventId the provider's id of the event (CloudTrail {@code eventID});
	 * on an agent's record, the event under which the provider recorded its change
	 * @param userAgent the client the provider saw, as evidence
	 * @param sourceIp the address the provider saw the call from, as evidence
	 */
	public record Provenance(String provider, String principal, String account, String providerEventId,
			String userAgent, String sourceIp) {

		public static final String AGENT_PROVIDER = "agent";

		public static final Provenance AGENT = new Provenance(AGENT_PROVIDER, null, null, null, null, null);

		public Provenance {
			provider = (provider != null) ? provider : AGENT_PROVIDER;
		}

	}

	/** Whether the change took effect. */
	public enum Outcome {

		SUCCEEDED, FAILED

	}

}
