package org.envelopereview.finding;

/**
 * The finding codes of SPEC §4 (and §8's DEC-*); what each means, its severity and its
 * controls are in the {@link FindingCatalogue}.
 */
public enum FindingCode {

	ENV_REVIEW_OVERDUE, ENV_EXPIRED, ENV_APPROVER_INACTIVE, ENV_MODEL_DRIFT, ENV_COMPLIANCE_STALE, ENV_DORMANT,
	ENV_UNKNOWN, ENV_INVALID, EXP_SCOPE_GROWTH, EXP_NEAR_BOUNDS, EXP_RULE_DRIFT, OOS_NO_ENVELOPE, OOS_ACTION_TYPE,
	OOS_RESOURCE, OOS_CIDR, OOS_PORT, OOS_PROTOCOL, OOS_REGION, OOS_AGENT, OOS_MODEL, OOS_AFTER_EXPIRY, OOS_UNAPPROVED,
	OOS_TIER4_NO_CHANGE, OOS_NOT_REVERTED, OOS_RATIONALE, LOG_CHAIN_BROKEN, LOG_SUPPRESSION, LOG_UNREPORTED,
	LOG_UNCONFIRMED, DEC_UNDECIDED, DEC_NOT_APPLIED;

	/** The severity a breach of this code gets unless its rule says otherwise. */
	public Severity defaultSeverity() {
		return FindingCatalogue.shipped().entry(this).severity();
	}

	/** The public code as written in SPEC §4, e.g. {@code OOS-NOT-REVERTED}. */
	public String code() {
		return name().replace('_', '-');
	}

	public static FindingCode fromCode(String code) {
		return valueOf(code.replace('-', '_'));
	}

}
