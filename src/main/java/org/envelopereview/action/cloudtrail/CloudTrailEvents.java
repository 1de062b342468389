package org.envelopereview.action.cloudtrail;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.envelopereview.action.ActionTypes;
import org.envelopereview.action.cloudtrail.CloudTrailMapper.Change;

import static org.envelopereview.action.cloudtrail.CloudTrailMapper.text;

/**
 * The CloudTrail events that are reviewed and how each one's parameters become canonical
 * changes, as listed in {@code catalog/cloudtrail-events.yaml} (read once). Everything
 * else is skipped (read-only) or not reviewed (a write).
 */
final class CloudTrailEvents {

	static final String CATALOGUE = "catalog/cloudtrail-events.yaml";

	/** The readers of requests that give several changes, by their name in the file. */
	private static final Map<String, Function<Entry, Mapping>> SHAPES = Map.of("security-group-permissions",
			(entry) -> securityGroup(entry.type()), "security-group-rules",
			(entry) -> (event) -> modifySecurityGroupRules(event.path("requestParameters")), "record-sets",
			(entry) -> (event) -> resourceRecordSets(event.path("requestParameters")));

	private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)(?:\\[([^=\\]]+)=([^\\]]*)\\])?");

	private static final Catalogue CATALOGUE_FILE = read();

	private static final Map<String, List<Entry>> BY_NAME = byName(CATALOGUE_FILE.events());

	/** How an event becomes changes; none means it is not a change after all. */
	@FunctionalInterface
	interface Mapping {

		List<Change> changes(JsonNode event);

	}

	/** One line of the catalogue. */
	record Entry(String name, String source, String type, String shape, List<String> resource, String protocol,
			String fromPort, String toPort, List<String> cidr, When when) {

	}

	/** The condition under which an event is a change. */
	record When(String path, @JsonProperty("equals") String value) {

	}

	record Catalogue(List<String> readOnlyPrefixes, List<Entry> events) {

	}

	private CloudTrailEvents() {
	}

	/** Every entry of the catalogue, in its order. */
	static List<Entry> entries() {
		return CATALOGUE_FILE.events();
	}

	/**
	 * The mapping of an event, or {@code null} for an event that is not reviewed: its
	 * name and, where the catalogue gives one, its source must match.
	 */
	static Mapping forEvent(String name, String source) {
		List<Entry> candidates = BY_NAME.get(name);
		if (candidates == null) {
			return null;
		}
		Entry chosen = null;
		for (Entry entry : candidates) {
			if (entry.source() == null ? chosen == null : entry.source().equals(source)) {
				chosen = entry;
			}
		}
		return (chosen != null) ? mapping(chosen) : null;
	}

	/**
	 * Whether an event only reads: its {@code readOnly} flag, or for an event without
	 * one, its name.
	 */
	static boolean isReadOnly(JsonNode event, String name) {
		JsonNode flag = event.get("readOnly");
		if (flag != null && (flag.isBoolean() || flag.isString())) {
			return "true".equalsIgnoreCase(flag.asString());
		}
		return CATALOGUE_FILE.readOnlyPrefixes().stream().anyMatch(name::startsWith);
	}

	private static Mapping mapping(Entry entry) {
		Mapping changes = (entry.shape() != null) ? SHAPES.get(entry.shape()).apply(entry) : (event) -> {
			String protocol = protocol(value(event, entry.protocol()));
			String ports = ports(protocol, value(event, entry.fromPort()), value(event, entry.toPort()));
			return List.of(new Change(entry.type(), first(event, entry.resource()), protocol, ports,
					first(event, entry.cidr())));
		};
		if (entry.when() == null) {
			return changes;
		}
		return (event) -> {
			JsonNode node = node(event, entry.when().path());
			boolean applies = (entry.when().value() != null) ? entry.when().value().equalsIgnoreCase(scalar(node))
					: node != null && !node.isMissingNode() && !node.isNull()
							&& !(node.isContainer() && node.isEmpty());
			return applies ? changes.changes(event) : List.of();
		};
	}

	/** The first of the paths that has a value. */
	private static String first(JsonNode event, List<String> paths) {
		if (paths == null) {
			return null;
		}
		for (String path : paths) {
			String value = value(event, path);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/**
	 * The value at a dotted path, where {@code name[key=value]} picks the element of a
	 * list with that key; an XML-style {@code {"content": …}} is read through and a list
	 * gives its values joined with commas.
	 */
	static String value(JsonNode event, String path) {
		return (path != null) ? scalar(node(event, path)) : null;
	}

	/** The node at a path (see {@link #value}), or {@code null}. */
	private static JsonNode node(JsonNode event, String path) {
		JsonNode node = event;
		Matcher segment = SEGMENT.matcher(path);
		int at = 0;
		while (at < path.length() && segment.find(at) && segment.start() == at) {
			node = node.path(segment.group(1));
			if (segment.group(2) != null) {
				JsonNode found = null;
				for (JsonNode element : items(node)) {
					if (segment.group(3).equals(text(element, segment.group(2)))) {
						found = element;
						break;
					}
				}
				if (found == null) {
					return null;
				}
				node = found;
			}
			at = segment.end() + 1;
		}
		return node;
	}

	private static String scalar(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull()) {
			return null;
		}
		if (node.isObject() && node.has("content")) {
			return scalar(node.get("content"));
		}
		if (node.isArray() || (node.isObject() && node.has("items"))) {
			List<String> values = new ArrayList<>();
			for (JsonNode element : items(node)) {
				String value = scalar(element);
				if (value != null) {
					values.add(value);
				}
			}
			return values.isEmpty() ? null : String.join(",", values);
		}
		if (node.isContainer()) {
			return null;
		}
		String text = node.asString();
		return text.isEmpty() ? null : text;
	}

	/**
	 * Both request shapes: {@code ipPermissions.items[]} with {@code ipRanges} and
	 * {@code ipv6Ranges} (Terraform, console) and the flat
	 * {@code ipProtocol/fromPort/toPort/cidrIp} (SDK). A permission with no CIDR (a
	 * security-group or prefix-list reference) still gives one change, with no CIDR.
	 */
	private static Mapping securityGroup(String type) {
		return (event) -> {
			JsonNode request = event.path("requestParameters");
			String group = (text(request, "groupId") != null) ? text(request, "groupId") : text(request, "groupName");
			List<Change> changes = new ArrayList<>();
			for (JsonNode permission : items(request.path("ipPermissions"))) {
				String protocol = protocol(text(permission, "ipProtocol"));
				String ports = ports(protocol, text(permission, "fromPort"), text(permission, "toPort"));
				List<String> cidrs = new ArrayList<>();
				items(permission.path("ipRanges")).forEach((range) -> addIfPresent(cidrs, text(range, "cidrIp")));
				items(permission.path("ipv6Ranges")).forEach((range) -> addIfPresent(cidrs, text(range, "cidrIpv6")));
				if (cidrs.isEmpty()) {
					changes.add(new Change(type, group, protocol, ports, null));
				}
				cidrs.forEach((cidr) -> changes.add(new Change(type, group, protocol, ports, cidr)));
			}
			if (text(request, "ipProtocol") != null || text(request, "cidrIp") != null
					|| text(request, "cidrIpv6") != null) {
				String protocol = protocol(text(request, "ipProtocol"));
				String ports = ports(protocol, text(request, "fromPort"), text(request, "toPort"));
				String cidr = (text(request, "cidrIp") != null) ? text(request, "cidrIp") : text(request, "cidrIpv6");
				changes.add(new Change(type, group, protocol, ports, cidr));
			}
			return changes.isEmpty() ? List.of(new Change(type, group, null, null, null)) : changes;
		};
	}

	/**
	 * {@code ModifySecurityGroupRulesRequest}: CloudTrail does not say whether a modified
	 * rule is ingress or egress; it is mapped as ingress, the direction reviewers watch.
	 */
	private static List<Change> modifySecurityGroupRules(JsonNode request) {
		JsonNode body = request.has("ModifySecurityGroupRulesRequest") ? request.path("ModifySecurityGroupRulesRequest")
				: request;
		String group = text(body, "GroupId");
		List<Change> changes = new ArrayList<>();
		for (JsonNode update : items(body.path("SecurityGroupRule"))) {
			JsonNode rule = update.path("SecurityGroupRule");
			String type = "true".equals(text(rule, "IsEgress")) ? "security_group.egress.add"
					: "security_group.ingress.add";
			String protocol = protocol(text(rule, "IpProtocol"));
			String cidr = (text(rule, "CidrIpv4") != null) ? text(rule, "CidrIpv4") : text(rule, "CidrIpv6");
			changes.add(new Change(type, group, protocol, ports(protocol, text(rule, "FromPort"), text(rule, "ToPort")),
					cidr));
		}
		return changes.isEmpty() ? List.of(new Change("security_group.ingress.add", group, null, null, null)) : changes;
	}

	/**
	 * One change per record set; the resource is the record name without its final dot.
	 */
	private static List<Change> resourceRecordSets(JsonNode request) {
		List<Change> changes = new ArrayList<>();
		for (JsonNode change : items(request.path("changeBatch").path("changes"))) {
			String type = "DELETE".equalsIgnoreCase(text(change, "action")) ? "dns.record.delete" : "dns.record.upsert";
			String name = text(change.path("resourceRecordSet"), "name");
			if (name != null && name.endsWith(".")) {
				name = name.substring(0, name.length() - 1);
			}
			changes.add(new Change(type, name, null, null, null));
		}
		return changes.isEmpty()
				? List.of(new Change("dns.record.upsert", text(request, "hostedZoneId"), null, null, null)) : changes;
	}

	/** A list given as an array, as {@code {"items": [...]}}, or as a single object. */
	private static List<JsonNode> items(JsonNode node) {
		JsonNode list = node.has("items") ? node.path("items") : node;
		List<JsonNode> items = new ArrayList<>();
		if (list.isArray()) {
			list.forEach(items::add);
		}
		else if (list.isObject() && !list.isEmpty()) {
			items.add(list);
		}
		return items;
	}

	/**
	 * {@code -1} is every protocol; IANA numbers of the common ones become their names.
	 */
	static String protocol(String protocol) {
		if (protocol == null) {
			return null;
		}
		return switch (protocol.trim().toLowerCase(Locale.ROOT)) {
			case "-1", "all" -> "all";
			case "6" -> "tcp";
			case "17" -> "udp";
			case "1" -> "icmp";
			case "58" -> "icmpv6";
			default -> protocol.trim().toLowerCase(Locale.ROOT);
		};
	}

	/**
	 * {@code from-to}, or a single port when equal; none for every protocol, for ICMP
	 * (whose numbers are types and codes) and for -1.
	 */
	static String ports(String protocol, String from, String to) {
		if (from == null || "all".equals(protocol) || "icmp".equals(protocol) || "icmpv6".equals(protocol)) {
			return null;
		}
		String end = (to != null) ? to : from;
		if ("-1".equals(from) || "-1".equals(end)) {
			return null;
		}
		return from.equals(end) ? from : from + "-" + end;
	}

	private static void addIfPresent(List<String> values, String value) {
		if (value != null) {
			values.add(value);
		}
	}

	private static Catalogue read() {
		YAMLMapper mapper = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try (InputStream in = CloudTrailEvents.class.getClassLoader().getResourceAsStream(CATALOGUE)) {
			if (in == null) {
				throw new IllegalStateException(CATALOGUE + " is missing from the class path");
			}
			Catalogue catalogue = mapper.readValue(in, Catalogue.class);
			for (Entry entry : catalogue.events()) {
				if (!ActionTypes.isKnown(entry.type())) {
					throw new IllegalStateException(CATALOGUE + ": " + entry.name() + " maps to unknown type '"
							+ entry.type() + "' (see " + "catalog/action-types.yaml)");
				}
				if (entry.shape() != null && !SHAPES.containsKey(entry.shape())) {
					throw new IllegalStateException(
							CATALOGUE + ": " + entry.name() + " has unknown shape '" + entry.shape() + "'");
				}
			}
			return catalogue;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + CATALOGUE + ": " + ex.getMessage(), ex);
		}
	}

	private static Map<String, List<Entry>> byName(List<Entry> entries) {
		Map<String, List<Entry>> byName = new LinkedHashMap<>();
		entries.forEach((entry) -> byName.computeIfAbsent(entry.name(), (name) -> new ArrayList<>()).add(entry));
		return byName;
	}

}
