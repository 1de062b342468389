package org.envelopereview.envelope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping read field by field. Unknown and repeated fields are reported when it is
 * created; a missing required field is reported at the line of the key that holds the
 * mapping.
 */
public final class YamlMapping {

	private final String path;

	private final int line;

	private final FileProblems problems;

	private final Map<String, YamlValue> fields = new HashMap<>();

	YamlMapping(MappingNode mapping, String path, int line, List<String> allowed, FileProblems problems) {
		this.path = path;
		this.line = line;
		this.problems = problems;
		for (NodeTuple tuple : mapping.getValue()) {
			int keyLine = tuple.getKeyNode().getStartMark().map((mark) -> mark.getLine() + 1).orElse(line);
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				problems.add(keyLine, path, "field names must be plain text, not a list or mapping");
				continue;
			}
			String name = key.getValue();
			String fieldPath = child(name);
			YamlValue previous = this.fields.get(name);
			if (previous != null) {
				problems.add(keyLine, fieldPath, "repeated field (first given at line " + previous.keyLine() + ")");
			}
			else if (!allowed.contains(name)) {
				problems.add(keyLine, fieldPath,
						"unknown field '" + name + "'; allowed fields: " + String.join(", ", allowed));
			}
			else {
				this.fields.put(name, new YamlValue(tuple.getValueNode(), fieldPath, keyLine, problems));
			}
		}
	}

	/** The field's value, or empty after reporting that it is required. */
	public Optional<YamlValue> required(String name) {
		YamlValue value = this.fields.get(name);
		if (value == null) {
			this.problems.add(this.line, child(name), "is required");
		}
		return Optional.ofNullable(value);
	}

	public Optional<YamlValue> optional(String name) {
		return Optional.ofNullable(this.fields.get(name));
	}

	public boolean has(String name) {
		return this.fields.containsKey(name);
	}

	public String path() {
		return this.path;
	}

	public int line() {
		return this.line;
	}

	private String child(String name) {
		return this.path.isEmpty() ? name : this.path + "." + name;
	}

}
