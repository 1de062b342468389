package org.envelopereview.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OCSF 1.3.0 event classes the exports write, compiled from the official schema
 * source (src/test/resources/ocsf/1.3.0, SOURCE.md) as the OCSF server compiles them: a
 * class's attributes are its own, its parents' ({@code extends}) and those of its
 * {@code includes/}; attributes of profiles are left out, since no export declares a
 * profile. An event is valid when it has every required attribute, no attribute its class
 * or object does not define, values of the dictionary's types, enum values the schema
 * lists with their captions in the sibling attribute, and the class, category and type
 * identifiers of its class.
 */
final class OcsfSchema {

	private static final String ROOT = "/ocsf/1.3.0/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNode DICTIONARY = read("dictionary.json");

	private static final JsonNode TYPES = DICTIONARY.path("types").path("attributes");

	private OcsfSchema() {
	}

	/** What is wrong with the event, one line each; empty when it is valid. */
	static List<String> errors(JsonNode event) {
		List<String> errors = new ArrayList<>();
		int classUid = event.path("class_uid").asInt(-1);
		String className = switch (classUid) {
			case 2003 -> "compliance_finding";
			case 2004 -> "detection_finding";
			default -> null;
		};
		if (className == null) {
			errors.add("class_uid " + event.path("class_uid") + " is not a class the exports write");
			return errors;
		}
		JsonNode definition = read("events/findings/" + className + ".json");
		int categoryUid = read("categories.json").path("attributes")
			.path(definition.path("category").asString())
			.path("uid")
			.asInt();
		if (event.path("category_uid").asInt(-1) != categoryUid) {
			errors.add("category_uid must be " + categoryUid);
		}
		if (classUid != categoryUid * 1000 + definition.path("uid").asInt()) {
			errors.add("class_uid does not match the class's uid");
		}
		if (event.path("type_uid").asLong(-1) != classUid * 100L + event.path("activity_id").asInt()) {
			errors.add("type_uid must be class_uid * 100 + activity_id");
		}
		check(event, eventAttributes("events/findings/" + className + ".json"), "", errors);
		return errors;
	}

	private static void check(JsonNode value, Map<String, JsonNode> attributes, String path, List<String> errors) {
		if (!value.isObject()) {
			errors.add(path + " must be an object");
			return;
		}
		attributes.forEach((name, attribute) -> {
			if ("required".equals(attribute.path("requirement").asString()) && !value.has(name)) {
				errors.add(path + name + " is required");
			}
		});
		for (String name : value.propertyNames()) {
			JsonNode attribute = attributes.get(name);
			if (attribute == null) {
				errors.add(path + name + " is not an attribute of this class or object");
				continue;
			}
			JsonNode dictionary = DICTIONARY.path("attributes").path(name);
			if (dictionary.path("is_array").asBoolean(false)) {
				if (!value.get(name).isArray()) {
					errors.add(path + name + " must be an array");
					continue;
				}
				int i = 0;
				for (JsonNode element : value.get(name)) {
					checkValue(element, name, attribute, dictionary, value, path + name + "[" + i++ + "]", errors);
				}
			}
			else {
				checkValue(value.get(name), name, attribute, dictionary, value, path + name, errors);
			}
		}
	}

	private static void checkValue(JsonNode value, String name, JsonNode attribute, JsonNode dictionary,
			JsonNode parent, String path, List<String> errors) {
		String type = dictionary.path("type").asString();
		if (TYPES.has(type)) {
			String base = baseType(type);
			boolean ok = switch (base) {
				case "string_t" -> value.isString();
				case "integer_t", "long_t" -> value.isIntegralNumber();
				case "float_t" -> value.isNumber();
				case "boolean_t" -> value.isBoolean();
				default -> true; // json_t
			};
			if (!ok) {
				errors.add(path + " must be of type " + type);
			}
			JsonNode enumeration = attribute.has("enum") ? attribute.path("enum") : dictionary.path("enum");
			// the server fills these three enums from the class itself: checked in
			// errors()
			boolean classIdentifier = List.of("category_uid", "class_uid", "type_uid").contains(name);
			if (!classIdentifier && !enumeration.isMissingNode() && !enumeration.isEmpty()) {
				JsonNode entry = enumeration.path(value.asString());
				if (entry.isMissingNode()) {
					errors.add(path + " = " + value + " is not one of " + enumeration.propertyNames());
				}
				else if (dictionary.has("sibling") && parent.has(dictionary.path("sibling").asString())
						&& !value.asString().equals("99")
						&& !parent.path(dictionary.path("sibling").asString())
							.asString()
							.equals(entry.path("caption").asString())) {
					errors.add(dictionary.path("sibling").asString() + " must be '" + entry.path("caption").asString()
							+ "' for " + name + " " + value);
				}
			}
		}
		else if ("object".equals(type)) {
			if (!value.isObject()) {
				errors.add(path + " must be an object");
			}
		}
		else {
			check(value, objectAttributes(type), path + ".", errors);
		}
	}

	private static String baseType(String type) {
		String base = type;
		while (TYPES.path(base).has("type")) {
			base = TYPES.path(base).path("type").asString();
		}
		return base;
	}

	private static Map<String, JsonNode> eventAttributes(String file) {
		JsonNode definition = read(file);
		Map<String, JsonNode> attributes = new LinkedHashMap<>();
		String parent = definition.path("extends").asString("");
		if (!parent.isEmpty()) {
			attributes.putAll(eventAttributes(
					parent.equals("base_event") ? "events/base_event.json" : "events/findings/" + parent + ".json"));
		}
		merge(attributes, definition);
		return attributes;
	}

	private static Map<String, JsonNode> objectAttributes(String name) {
		JsonNode definition = read("objects/" + name + ".json");
		Map<String, JsonNode> attributes = new LinkedHashMap<>();
		String parent = definition.path("extends").asString("");
		if (!parent.isEmpty()) {
			attributes.putAll(objectAttributes(parent));
		}
		merge(attributes, definition);
		return attributes;
	}

	/** A child's attribute refines its parent's; included attribute sets count too. */
	private static void merge(Map<String, JsonNode> attributes, JsonNode definition) {
		JsonNode own = definition.path("attributes");
		for (JsonNode include : own.path("$include")) {
			if (include.asString().startsWith("includes/")) {
				merge(attributes, read(include.asString()));
			}
		}
		for (String name : own.propertyNames()) {
			if (name.startsWith("$")) {
				continue;
			}
			JsonNode inherited = attributes.get(name);
			if (inherited != null && inherited.isObject()) {
				tools.jackson.databind.node.ObjectNode refined = ((tools.jackson.databind.node.ObjectNode) inherited)
					.deepCopy();
				refined.setAll((tools.jackson.databind.node.ObjectNode) own.get(name));
				attributes.put(name, refined);
			}
			else {
				attributes.put(name, own.get(name));
			}
		}
	}

	private static JsonNode read(String file) {
		try (InputStream in = OcsfSchema.class.getResourceAsStream(ROOT + file)) {
			if (in == null) {
				throw new IllegalStateException(ROOT + file + " is not among the vendored OCSF definitions");
			}
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
