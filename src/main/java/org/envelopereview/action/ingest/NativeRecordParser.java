package org.envelopereview.action.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionFields;
import org.envelopereview.action.RejectedRecord;
import org.envelopereview.action.SourceRecord;

/**
 * Turns a native record (SPEC §3, with the identity fields of SPEC §7), its nested fields
 * flattened with dots, into a valid action or a {@link RejectedRecord} that names every
 * bad field. Shared by JSON Lines and CSV.
 */
final class NativeRecordParser {

	/** The native fields, in the order of the CSV header. */
	static final List<String> FIELDS = List.of("id", "occurredAt", "agent", "modelVersion", "envelope", "type",
			"resource", "region", "protocol", "ports", "cidr", "rationale.signal", "rationale.text",
			"rationale.confidence", "approval.ref", "approval.approver", "changeRef", "revertBy", "reverts", "outcome",
			"errorCode", "seq", "prevHash", "hash", "providerEventId", "principal", "account");

	private static final Set<String> CHAIN_FIELDS = Set.of("seq", "prevHash", "hash");

	private NativeRecordParser() {
	}

	static SourceRecord parse(Map<String, String> fields, long line, String raw) {
		List<String> problems = new ArrayList<>();
		String id = text(fields, "id", problems);
		String agent = text(fields, "agent", problems);
		String type = text(fields, "type", problems);
		ActionFields.require("id", id, problems);
		Instant occurredAt = ActionFields.timestamp("occurredAt", text(fields, "occurredAt", problems), problems);
		if (occurredAt == null && blank(fields.get("occurredAt"))) {
			problems.add("missing occurredAt");
		}
		ActionFields.require("agent", agent, problems);
		ActionFields.require("type", type, problems);
		ActionFields.checkType(type, problems);
		String cidr = text(fields, "cidr", problems);
		ActionFields.checkCidr(cidr, problems);
		String ports = text(fields, "ports", problems);
		ActionFields.checkPorts(ports, problems);
		Double confidence = ActionFields.confidence(fields.get("rationale.confidence"), problems);
		Instant revertBy = ActionFields.timestamp("revertBy", text(fields, "revertBy", problems), problems);
		Action.Outcome outcome = ActionFields.outcome(fields.get("outcome"), problems);
		boolean chained = CHAIN_FIELDS.stream().anyMatch((field) -> !blank(fields.get(field)));
		Long seq = null;
		String prevHash = null;
		String hash = null;
		if (chained) {
			for (String field : CHAIN_FIELDS) {
				if (blank(fields.get(field))) {
					problems.add("missing " + field + " (a chained record needs seq, prevHash and hash)");
				}
			}
			if (!blank(fields.get("seq"))) {
				seq = ActionFields.seq(fields.get("seq"), problems);
			}
			prevHash = fields.get("prevHash");
			hash = fields.get("hash");
			if (!blank(prevHash)) {
				ActionFields.checkHash("prevHash", prevHash, problems);
			}
			if (!blank(hash)) {
				ActionFields.checkHash("hash", hash, problems);
			}
		}
		if (!problems.isEmpty()) {
			throw new RejectedRecord(String.join("; ", problems), blank(id) ? null : id, occurredAt);
		}
		Action action = new Action(id, occurredAt, agent, text(fields, "modelVersion", problems),
				text(fields, "envelope", problems), type, text(fields, "resource", problems),
				text(fields, "region", problems), text(fields, "protocol", problems), ports, cidr,
				new Action.Rationale(text(fields, "rationale.signal", problems),
						text(fields, "rationale.text", problems), confidence),
				new Action.ApprovalRecord(text(fields, "approval.ref", problems),
						text(fields, "approval.approver", problems)),
				text(fields, "changeRef", problems), revertBy, text(fields, "reverts", problems), outcome,
				text(fields, "errorCode", problems), chained ? seq : 0, prevHash, hash, null,
				new Action.Provenance(Action.Provenance.AGENT_PROVIDER, text(fields, "principal", problems),
						text(fields, "account", problems), text(fields, "providerEventId", problems), null, null));
		if (!problems.isEmpty()) {
			throw new RejectedRecord(String.join("; ", problems), id, occurredAt);
		}
		return new SourceRecord(action, chained, line, raw);
	}

	/** The field's value, or {@code null} when absent or empty; checks its length. */
	private static String text(Map<String, String> fields, String name, List<String> problems) {
		String value = fields.get(name);
		if (blank(value)) {
			return null;
		}
		ActionFields.checkText(name, value, problems);
		return value;
	}

	private static boolean blank(String value) {
		return value == null || value.isEmpty();
	}

}
