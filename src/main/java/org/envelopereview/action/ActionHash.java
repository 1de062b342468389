package org.envelopereview.action;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.system.Sha256;

/**
 * The integrity chain of SPEC §3: the one definition of an action's canonical JSON and
 * its hash, shared by ingest, the verifier and the example generator.
 *
 * <p>
 * Canonical JSON: a JSON object with the native field names ({@code id},
 * {@code occurredAt}, {@code agent}, {@code modelVersion}, {@code envelope},
 * {@code type}, {@code resource}, {@code region}, {@code protocol}, {@code ports},
 * {@code cidr}, {@code rationale.{signal,text,confidence}},
 * {@code approval.{ref,approver}}, {@code changeRef}, {@code revertBy}, {@code reverts},
 * {@code outcome}, {@code errorCode}, and where the record carries them
 * {@code providerEventId}, {@code principal} and {@code account}; for a provider's record
 * also {@code provider}, {@code userAgent}, {@code sourceIp} and, when its CIDR was
 * normalised, {@code recordedCidr}), without {@code seq}, {@code prevHash} and
 * {@code hash}; keys sorted by code point at every level; no whitespace; UTF-8;
 * {@code null} values omitted, and a nested object with no remaining key omitted;
 * {@code outcome} omitted when it is {@code succeeded} (the default) and {@code "failed"}
 * otherwise; instants in UTC as {@link DateTimeFormatter#ISO_INSTANT}
 * ({@code 2026-07-03T03:47:00Z}); confidence as a plain decimal without exponent or
 * trailing zeros ({@code 0.93}, {@code 1}).
 *
 * <p>
 * {@code hash = lowerHex(SHA-256(canonicalJson + prevHash))}; the first action of an
 * agent (seq 1) has {@link #GENESIS} as prevHash.
 */
public final class ActionHash {

	/** The prevHash of an agent's first action. */
	public static final String GENESIS = "0".repeat(64);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ActionHash() {
	}

	/**
	 * The canonical JSON of the action's content (its chain fields are ignored), written
	 * field by field in code-point order: this runs once per ingested record.
	 */
	public static String canonicalJson(Action action) {
		StringWriter text = new StringWriter(512);
		try (JsonGenerator json = JSON.createGenerator(text)) {
			json.writeStartObject();
			Action.Provenance provenance = action.provenance();
			string(json, "account", provenance.account());
			string(json, "agent", action.agent());
			Action.ApprovalRecord approval = action.approval();
			if (approval != null && (approval.approver() != null || approval.ref() != null)) {
				json.writeName("approval");
				json.writeStartObject();
				string(json, "approver", approval.approver());
				string(json, "ref", approval.ref());
				json.writeEndObject();
			}
			string(json, "changeRef", action.changeRef());
			string(json, "cidr", action.cidr());
			string(json, "envelope", action.envelopeId());
			string(json, "errorCode", action.errorCode());
			string(json, "id", action.id());
			string(json, "modelVersion", action.modelVersion());
			string(json, "occurredAt", instant(action.occurredAt()));
			string(json, "outcome", (action.outcome() == Action.Outcome.FAILED) ? "failed" : null);
			string(json, "ports", action.ports());
			string(json, "principal", provenance.principal());
			string(json, "protocol", action.protocol());
			string(json, "provider", action.providerRecorded() ? provenance.provider() : null);
			string(json, "providerEventId", provenance.providerEventId());
			Action.Rationale rationale = action.rationale();
			if (rationale != null
					&& (rationale.confidence() != null || rationale.signal() != null || rationale.text() != null)) {
				json.writeName("rationale");
				json.writeStartObject();
				if (rationale.confidence() != null) {
					json.writeName("confidence");
					json.writeRawValue(decimal(rationale.confidence()));
				}
				string(json, "signal", rationale.signal());
				string(json, "text", rationale.text());
				json.writeEndObject();
			}
			string(json, "recordedCidr", action.recordedCidr());
			string(json, "region", action.region());
			string(json, "resource", action.resource());
			string(json, "revertBy", instant(action.revertBy()));
			string(json, "reverts", action.reverts());
			string(json, "sourceIp", provenance.sourceIp());
			string(json, "type", action.type());
			string(json, "userAgent", provenance.userAgent());
			json.writeEndObject();
		}
		return text.toString();
	}

	/** The hash of the action's content chained to {@code prevHash}. */
	public static String hash(Action action, String prevHash) {
		MessageDigest sha256 = Sha256.newDigest();
		sha256.update(canonicalJson(action).getBytes(StandardCharsets.UTF_8));
		sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
		return HexFormat.of().formatHex(sha256.digest());
	}

	/** Whether the action's stored hash is the hash of its content and its prevHash. */
	public static boolean verifies(Action action) {
		return action.prevHash() != null && hash(action, action.prevHash()).equals(action.hash());
	}

	/** The same action placed at {@code seq} after {@code prevHash}, with its hash. */
	public static Action chain(Action action, long seq, String prevHash) {
		return action.withChain(seq, prevHash, hash(action, prevHash));
	}

	private static void string(JsonGenerator json, String name, String value) {
		if (value != null) {
			json.writeStringProperty(name, value);
		}
	}

	private static String instant(Instant instant) {
		return (instant != null) ? DateTimeFormatter.ISO_INSTANT.format(instant) : null;
	}

	private static String decimal(double value) {
		BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
		return ((decimal.scale() < 0) ? decimal.setScale(0) : decimal).toPlainString();
	}

}
