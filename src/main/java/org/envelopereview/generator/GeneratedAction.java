package org.envelopereview.generator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * One generated native record (SPEC §3 field order, null fields left out) and, for a
 * change that will be reverted, the revert that follows it.
 */
record GeneratedAction(String id, Instant occurredAt, Map<String, Object> fields, GeneratedAction revert) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	GeneratedAction withoutRevert() {
		return new GeneratedAction(this.id, this.occurredAt, this.fields, null);
	}

	GeneratedAction with(String field, Object value) {
		Map<String, Object> changed = new LinkedHashMap<>(this.fields);
		changed.put(field, value);
		return new GeneratedAction(this.id, this.occurredAt, changed, this.revert);
	}

	String toJson() {
		Map<String, Object> present = new LinkedHashMap<>();
		this.fields.forEach((name, value) -> {
			if (value != null) {
				present.put(name, value);
			}
		});
		return JSON.writeValueAsString(present);
	}

}
