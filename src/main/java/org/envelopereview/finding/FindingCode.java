package org.envelopereview.finding;

/** The finding catalogue of SPEC §4 with each code's default severity. */
public enum FindingCode {

	ENV_REVIEW_OVERDUE(Severity.HIGH), ENV_EXPIRED(Severity.HIGH), ENV_APPROVER_INACTIVE(Severity.HIGH),
	ENV_MODEL_DRIFT(Severity.HIGH), ENV_COMPLIANCE_STALE(Severity.MEDIUM), ENV_DORMANT(Severity.LOW),
	ENV_UNKNOWN(Severity.CRITICAL), ENV_INVALID(Severity.HIGH), EXP_SCOPE_GROWTH(Severity.MEDIUM),
	EXP_NEAR_BOUNDS(Severity.MEDIUM), EXP_RULE_DRIFT(Severity.HIGH), OOS_NO_ENVELOPE(Severity.HIGH),
	OOS_ACTION_TYPE(Severity.CRITICAL), OOS_RESOURCE(Severity.HIGH), OOS_CIDR(Severity.HIGH), OOS_PORT(Severity.HIGH),
	OOS_PROTOCOL(Severity.HIGH), OOS_REGION(Severity.CRITICAL), OOS_AGENT(Severity.HIGH), OOS_MODEL(Severity.HIGH),
	OOS_AFTER_EXPIRY(Severity.HIGH), OOS_UNAPPROVED(Severity.CRITICAL), OOS_TIER4_NO_CHANGE(Severity.CRITICAL),
	OOS_NOT_REVERTED(Severity.HIGH), OOS_RATIONALE(Severity.MEDIUM), LOG_CHAIN_BROKEN(Severity.CRITICAL),
	LOG_SUPPRESSION(Severity.CRITICAL);

	private final Severity defaultSeverity;

	FindingCode(Severity defaultSeverity) {
		this.defaultSeverity = defaultSeverity;
	}

	public Severity defaultSeverity() {
		return this.defaultSeverity;
	}

	/** The public code as written in SPEC §4, e.g. {@code OOS-NOT-REVERTED}. */
	public String code() {
		return name().replace('_', '-');
	}

	public static FindingCode fromCode(String code) {
		return valueOf(code.replace('-', '_'));
	}

}
