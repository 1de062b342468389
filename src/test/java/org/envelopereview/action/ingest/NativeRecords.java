package org.envelopereview.action.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A small builder of native action records (SPEC §3) as JSON Lines or CSV text. */
final class NativeRecords {

	private final Map<String, Object> fields = new LinkedHashMap<>();

	private NativeRecords(String id) {
		this.fields.put("id", id);
		this.fields.put("occurredAt", "2026-07-03T03:47:00Z");
		this.fields.put("agent", "failover-agent");
		this.fields.put("modelVersion", "orchestrator-2.3.1");
		this.fields.put("envelope", "PA-FAILOVER-007");
		this.fields.put("type", "security_group.ingress.add");
		this.fields.put("resource", "sg-0a1b2c3d");
		this.fields.put("region", "eu-west-1");
		this.fields.put("protocol", "tcp");
		this.fields.put("ports", "443");
		this.fields.put("cidr", "10.0.2.0/24");
		this.fields.put("rationale.signal", "failover event FE-2026-0419-001");
		this.fields.put("rationale.text", "primary degraded");
		this.fields.put("rationale.confidence", 0.93);
		this.fields.put("revertBy", "2026-07-03T04:17:00Z");
	}

	static NativeRecords action(String id) {
		return new NativeRecords(id);
	}

	NativeRecords with(String field, Object value) {
		this.fields.put(field, value);
		return this;
	}

	NativeRecords without(String field) {
		this.fields.remove(field);
		return this;
	}

	/** One JSON line, nested fields as objects. */
	String json() {
		Map<String, Object> nested = new LinkedHashMap<>();
		this.fields.forEach((name, value) -> {
			int dot = name.indexOf('.');
			if (dot < 0) {
				nested.put(name, value);
			}
			else {
				@SuppressWarnings("unchecked")
				Map<String, Object> inner = (Map<String, Object>) nested.computeIfAbsent(name.substring(0, dot),
						(key) -> new LinkedHashMap<String, Object>());
				inner.put(name.substring(dot + 1), value);
			}
		});
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(nested);
	}

	/** A CSV row in the order of {@link NativeRecordParser#FIELDS}. */
	String csvRow() {
		return NativeRecordParser.FIELDS.stream().map((field) -> {
			Object value = this.fields.get(field);
			return (value != null) ? "\"" + value.toString().replace("\"", "\"\"") + "\"" : "";
		}).collect(Collectors.joining(","));
	}

	static String csvHeader() {
		return String.join(",", NativeRecordParser.FIELDS);
	}

}
