package org.envelopereview.action.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Values read out of a log entry by the dotted paths of the mapping catalogues:
 * {@code request.sourceRanges}, {@code request.match.config.srcIpRanges}; a list gives
 * each of its values.
 */
public final class JsonPaths {

	private static final Pattern SEGMENT = Pattern.compile("[^.]+");

	private JsonPaths() {
	}

	/** A field's text, or {@code null} when absent, JSON null, a container or empty. */
	public static String text(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		if (value == null || value.isNull() || value.isMissingNode() || value.isContainer()) {
			return null;
		}
		String text = value.asString();
		return text.isEmpty() ? null : text;
	}

	/** The node at a dotted path, or a missing node. */
	public static JsonNode node(JsonNode root, String path) {
		JsonNode node = root;
		Matcher segment = SEGMENT.matcher(path);
		while (segment.find()) {
			node = node.path(segment.group());
		}
		return node;
	}

	/** The scalar at a path, or {@code null}; a list gives its first value. */
	public static String value(JsonNode root, String path) {
		List<String> values = values(root, path);
		return values.isEmpty() ? null : values.get(0);
	}

	/** The scalars at a path: one, each element of a list, or none. */
	public static List<String> values(JsonNode root, String path) {
		List<String> values = new ArrayList<>();
		if (path == null) {
			return values;
		}
		JsonNode node = node(root, path);
		if (node.isArray()) {
			node.forEach((element) -> addScalar(values, element));
		}
		else {
			addScalar(values, node);
		}
		return values;
	}

	/** The values at the first of the paths that has any. */
	public static List<String> firstValues(JsonNode root, List<String> paths) {
		if (paths != null) {
			for (String path : paths) {
				List<String> values = values(root, path);
				if (!values.isEmpty()) {
					return values;
				}
			}
		}
		return List.of();
	}

	/** The elements of a list, or the object itself, or none. */
	public static List<JsonNode> items(JsonNode node) {
		List<JsonNode> items = new ArrayList<>();
		if (node != null && node.isArray()) {
			node.forEach(items::add);
		}
		else if (node != null && node.isObject() && !node.isEmpty()) {
			items.add(node);
		}
		return items;
	}

	/**
	 * The protocol in the catalogue's words: every protocol ({@code all}, {@code *},
	 * {@code -1}) is {@code all}; IANA numbers of the common ones become their names.
	 */
	public static String protocol(String protocol) {
		if (protocol == null || protocol.isBlank()) {
			return null;
		}
		return switch (protocol.trim().toLowerCase(Locale.ROOT)) {
			case "-1", "all", "*", "any" -> "all";
			case "6" -> "tcp";
			case "17" -> "udp";
			case "1" -> "icmp";
			case "58" -> "icmpv6";
			default -> protocol.trim().toLowerCase(Locale.ROOT);
		};
	}

	/**
	 * A port or range as recorded ({@code 22}, {@code 1000-2000}, {@code 80-80},
	 * {@code *}) in the action's form: a single port when both ends are equal, none for
	 * every port and for protocols without ports.
	 */
	public static String ports(String protocol, String recorded) {
		if (recorded == null || "all".equals(protocol) || "icmp".equals(protocol) || "icmpv6".equals(protocol)) {
			return null;
		}
		String text = recorded.trim();
		if (text.isEmpty() || "*".equals(text) || "0-65535".equals(text) || "1-65535".equals(text)) {
			return null;
		}
		int dash = text.indexOf('-');
		if (dash > 0 && text.substring(0, dash).equals(text.substring(dash + 1))) {
			return text.substring(0, dash);
		}
		return text;
	}

	private static void addScalar(List<String> values, JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull() || node.isContainer()) {
			return;
		}
		String text = node.asString();
		if (!text.isEmpty()) {
			values.add(text);
		}
	}

}
