package org.envelopereview.pack;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.Severity;

/** How the pack names and colours findings and controls: the words of SPEC §4. */
final class FindingPresentation {

	private static final Map<FindingCode, String> MEANINGS = new EnumMap<>(FindingCode.class);

	/**
	 * Control references shipped with the product, by the prefix findings cite them with.
	 */
	static final Map<String, String> CONTROLS = new LinkedHashMap<>();

	static {
		MEANINGS.put(FindingCode.ENV_REVIEW_OVERDUE, "last review + cadence is before the period end");
		MEANINGS.put(FindingCode.ENV_EXPIRED, "the envelope expired before the period end");
		MEANINGS.put(FindingCode.ENV_APPROVER_INACTIVE, "approver or last reviewer not active at the period end");
		MEANINGS.put(FindingCode.ENV_MODEL_DRIFT,
				"actions ran a model version the envelope does not list, or one first seen after the last review");
		MEANINGS.put(FindingCode.ENV_COMPLIANCE_STALE, "a compliance reference is retired or superseded");
		MEANINGS.put(FindingCode.ENV_DORMANT, "no action under the envelope for the whole period");
		MEANINGS.put(FindingCode.ENV_UNKNOWN, "actions name an envelope id that does not exist");
		MEANINGS.put(FindingCode.ENV_INVALID, "the envelope file fails validation");
		MEANINGS.put(FindingCode.EXP_SCOPE_GROWTH,
				"exercised scope grew beyond the threshold against the previous period");
		MEANINGS.put(FindingCode.EXP_NEAR_BOUNDS, "exercised scope at 80% or more of the declared scope or bounds");
		MEANINGS.put(FindingCode.EXP_RULE_DRIFT, "more permissive rules open at period end than at its start");
		MEANINGS.put(FindingCode.OOS_NO_ENVELOPE, "the action names no envelope");
		MEANINGS.put(FindingCode.OOS_ACTION_TYPE, "action type not authorized by its envelope");
		MEANINGS.put(FindingCode.OOS_RESOURCE, "resource outside the action class's scope");
		MEANINGS.put(FindingCode.OOS_CIDR, "CIDR outside the action class's scope");
		MEANINGS.put(FindingCode.OOS_PORT, "ports outside the action class's scope");
		MEANINGS.put(FindingCode.OOS_PROTOCOL, "protocol outside the action class's scope");
		MEANINGS.put(FindingCode.OOS_REGION, "region outside the allowed regions (data residency)");
		MEANINGS.put(FindingCode.OOS_AGENT, "agent not authorized by the envelope");
		MEANINGS.put(FindingCode.OOS_MODEL, "model version not authorized by the envelope");
		MEANINGS.put(FindingCode.OOS_AFTER_EXPIRY, "action after the envelope expired");
		MEANINGS.put(FindingCode.OOS_UNAPPROVED, "tier-3 action without approval ref, or approver not active");
		MEANINGS.put(FindingCode.OOS_TIER4_NO_CHANGE, "tier-4 action without change ref and approver");
		MEANINGS.put(FindingCode.OOS_NOT_REVERTED, "temporary change not reverted by its deadline");
		MEANINGS.put(FindingCode.OOS_RATIONALE, "rationale signal or confidence missing, or confidence too low");
		MEANINGS.put(FindingCode.LOG_CHAIN_BROKEN, "a hash does not verify, or seq has a gap or repeat");
		MEANINGS.put(FindingCode.LOG_SUPPRESSION, "logging change or inspection bypass not under a tier-4 change");

		CONTROLS.put("PCI-DSS-4.0.1 1.2.2", "PCI DSS v4.0.1 1.2.2: changes to network connections and security "
				+ "controls are approved and managed through change control");
		CONTROLS.put("PCI-DSS-4.0.1 6.5.1", "PCI DSS v4.0.1 6.5.1: changes to system components are made "
				+ "through an established change-control procedure");
		CONTROLS.put("PCI-DSS-4.0.1 10.2", "PCI DSS v4.0.1 10.2: audit logs are implemented to support the "
				+ "detection of anomalies and suspicious activity");
		CONTROLS.put("SOC2 CC8.1", "SOC 2 CC8.1: changes are authorized, designed, tested, approved and implemented");
		CONTROLS.put("ISO27001:2022 A.8.32", "ISO/IEC 27001:2022 A.8.32: change management");
		CONTROLS.put("ISO27001:2022 A.8.15", "ISO/IEC 27001:2022 A.8.15: logging");
		CONTROLS.put("NIS2 Art.21(2)", "NIS2 Art. 21(2): cybersecurity risk-management measures");
		CONTROLS.put("EU-AI-Act Art.14", "EU AI Act Art. 14: human oversight of high-risk AI systems");
		CONTROLS.put("GDPR Art.44-46", "GDPR Art. 44–46: transfers of personal data to third countries");
	}

	private FindingPresentation() {
	}

	static String meaning(FindingCode code) {
		return MEANINGS.getOrDefault(code, "");
	}

	static String color(Severity severity) {
		return switch (severity) {
			case CRITICAL -> "#B00020";
			case HIGH -> "#D35400";
			case MEDIUM -> "#9A7B00";
			case LOW -> "#5B6470";
		};
	}

	/**
	 * The description of a control reference: an exact match, else the first known
	 * reference that starts with the same framework words, else nothing.
	 */
	static String control(String reference) {
		String exact = CONTROLS.get(reference);
		if (exact != null) {
			return exact;
		}
		String normalized = normalize(reference);
		for (Map.Entry<String, String> known : CONTROLS.entrySet()) {
			if (normalize(known.getKey()).equals(normalized)) {
				return known.getValue();
			}
		}
		return "";
	}

	private static String normalize(String reference) {
		return reference.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.]", "");
	}

}
