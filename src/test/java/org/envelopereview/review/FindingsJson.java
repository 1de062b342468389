package org.envelopereview.review;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads findings.json in tests: its {@code auditTrail.chainVerification} block says what
 * a run's chain verification covered, which differs between runs over the same history
 * (the second starts from the first's checkpoints) while everything else stays the same
 * bytes.
 */
public final class FindingsJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FindingsJson() {
	}

	/** The document without {@code auditTrail.chainVerification}. */
	public static JsonNode withoutChainVerification(String findingsJson) {
		JsonNode document = JSON.readTree(findingsJson);
		((ObjectNode) document.path("auditTrail")).remove("chainVerification");
		return document;
	}

	/** {@code auditTrail.chainVerification}, or a missing node. */
	public static JsonNode chainVerification(String findingsJson) {
		return JSON.readTree(findingsJson).path("auditTrail").path("chainVerification");
	}

}
