package org.envelopereview.action;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

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
	 * field by field in code-point order: this runs once per ingested record and once per
	 * row a chain verification reads. Text of printable ASCII is written from
	 * {@link #PRINTABLE}, any other through the JSON mapper, so the text is what
	 * Jackson's generator writes (ActionHashTests compares the two).
	 */
	public static String canonicalJson(Action action) {
		Canonical json = new Canonical();
		Action.Provenance provenance = action.provenance();
		json.string("account", provenance.account());
		json.string("agent", action.agent());
		Action.ApprovalRecord approval = action.approval();
		if (approval != null && (approval.approver() != null || approval.ref() != null)) {
			json.startObject("approval");
			json.string("approver", approval.approver());
			json.string("ref", approval.ref());
			json.endObject();
		}
		json.string("changeRef", action.changeRef());
		json.string("cidr", action.cidr());
		json.string("envelope", action.envelopeId());
		json.string("errorCode", action.errorCode());
		json.string("id", action.id());
		json.string("modelVersion", action.modelVersion());
		json.string("occurredAt", instant(action.occurredAt()));
		json.string("outcome", (action.outcome() == Action.Outcome.FAILED) ? "failed" : null);
		json.string("ports", action.ports());
		json.string("principal", provenance.principal());
		json.string("protocol", action.protocol());
		json.string("provider", action.providerRecorded() ? provenance.provider() : null);
		json.string("providerEventId", provenance.providerEventId());
		Action.Rationale rationale = action.rationale();
		if (rationale != null
				&& (rationale.confidence() != null || rationale.signal() != null || rationale.text() != null)) {
			json.startObject("rationale");
			if (rationale.confidence() != null) {
				json.raw("confidence", decimal(rationale.confidence()));
			}
			json.string("signal", rationale.signal());
			json.string("text", rationale.text());
			json.endObject();
		}
		json.string("recordedCidr", action.recordedCidr());
		json.string("region", action.region());
		json.string("resource", action.resource());
		json.string("revertBy", instant(action.revertBy()));
		json.string("reverts", action.reverts());
		json.string("sourceIp", provenance.sourceIp());
		json.string("type", action.type());
		json.string("userAgent", provenance.userAgent());
		return json.end();
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

	/**
	 * How the JSON mapper writes each printable ASCII character inside a string, read
	 * from the mapper itself: the quote and the backslash escaped, the others as they
	 * are.
	 */
	private static final String[] PRINTABLE = new String[0x7F];

	static {
		for (char c = 0x20; c < 0x7F; c++) {
			String quoted = JSON.writeValueAsString(String.valueOf(c));
			PRINTABLE[c] = quoted.substring(1, quoted.length() - 1);
		}
	}

	/** A canonical JSON object: names given in order, nulls left out. */
	private static final class Canonical {

		private final StringBuilder out = new StringBuilder(512).append('{');

		private boolean first = true;

		void string(String name, String value) {
			if (value != null) {
				name(name);
				quoted(value);
			}
		}

		void raw(String name, String value) {
			name(name);
			this.out.append(value);
		}

		void startObject(String name) {
			name(name);
			this.out.append('{');
			this.first = true;
		}

		void endObject() {
			this.out.append('}');
			this.first = false;
		}

		String end() {
			return this.out.append('}').toString();
		}

		private void name(String name) {
			if (!this.first) {
				this.out.append(',');
			}
			this.first = false;
			this.out.append('"').append(name).append("\":");
		}

		private void quoted(String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c < 0x20 || c >= 0x7F) {
					this.out.append(JSON.writeValueAsString(value));
					return;
				}
			}
			this.out.append('"');
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				String written = PRINTABLE[c];
				if (written.length() == 1) {
					this.out.append(c);
				}
				else {
					this.out.append(written);
				}
			}
			this.out.append('"');
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
