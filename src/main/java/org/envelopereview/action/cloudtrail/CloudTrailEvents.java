package org.envelopereview.action.cloudtrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.envelopereview.action.cloudtrail.CloudTrailMapper.Change;

import static org.envelopereview.action.cloudtrail.CloudTrailMapper.lower;
import static org.envelopereview.action.cloudtrail.CloudTrailMapper.text;

/**
 * The CloudTrail event names that are network changes, and how each one's request
 * parameters become canonical changes. Everything else is skipped.
 */
final class CloudTrailEvents {

	/** Turns an event's {@code requestParameters} into the changes it asks for. */
	@FunctionalInterface
	interface Mapping {

		List<Change> changes(JsonNode request);

	}

	private static final Map<String, Mapping> MAPPINGS = Map.ofEntries(
			Map.entry("AuthorizeSecurityGroupIngress", securityGroup("security_group.ingress.add")),
			Map.entry("AuthorizeSecurityGroupEgress", securityGroup("security_group.egress.add")),
			Map.entry("RevokeSecurityGroupIngress", securityGroup("security_group.ingress.remove")),
			Map.entry("RevokeSecurityGroupEgress", securityGroup("security_group.egress.remove")),
			Map.entry("ModifySecurityGroupRules", CloudTrailEvents::modifySecurityGroupRules),
			Map.entry("CreateNetworkAclEntry", networkAclEntry("nacl.entry.add")),
			Map.entry("ReplaceNetworkAclEntry", networkAclEntry("nacl.entry.replace")),
			Map.entry("DeleteNetworkAclEntry", networkAclEntry("nacl.entry.remove")),
			Map.entry("CreateRoute", route("route.add")), Map.entry("ReplaceRoute", route("route.replace")),
			Map.entry("DeleteRoute", route("route.remove")),
			Map.entry("ChangeResourceRecordSets", CloudTrailEvents::resourceRecordSets),
			Map.entry("ModifyListener",
					(request) -> List.of(new Change("lb.listener.modify", text(request, "listenerArn"),
							lower(text(request, "protocol")), text(request, "port"), null))),
			Map.entry("ModifyRule", (request) -> List
				.of(new Change("lb.listener.modify", text(request, "ruleArn"), null, null, null))));

	private CloudTrailEvents() {
	}

	/** The mapping of an event name, or {@code null} for an event that is skipped. */
	static Mapping forName(String eventName) {
		return MAPPINGS.get(eventName);
	}

	/**
	 * Both request shapes: {@code ipPermissions.items[]} with {@code ipRanges} and
	 * {@code ipv6Ranges} (Terraform, console) and the flat
	 * {@code ipProtocol/fromPort/toPort/cidrIp} (SDK). A permission with no CIDR (a
	 * security-group or prefix-list reference) still gives one change, with no CIDR.
	 */
	private static Mapping securityGroup(String type) {
		return (request) -> {
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

	private static Mapping networkAclEntry(String type) {
		return (request) -> {
			String protocol = protocol(text(request, "aclProtocol"));
			JsonNode range = request.path("portRange");
			String cidr = (text(request, "cidrBlock") != null) ? text(request, "cidrBlock")
					: text(request, "ipv6CidrBlock");
			return List.of(new Change(type, text(request, "networkAclId"), protocol,
					ports(protocol, text(range, "from"), text(range, "to")), cidr));
		};
	}

	private static Mapping route(String type) {
		return (request) -> {
			String cidr = (text(request, "destinationCidrBlock") != null) ? text(request, "destinationCidrBlock")
					: text(request, "destinationIpv6CidrBlock");
			return List.of(new Change(type, text(request, "routeTableId"), null, null, cidr));
		};
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
		return switch (protocol.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "-1", "all" -> "all";
			case "6" -> "tcp";
			case "17" -> "udp";
			case "1" -> "icmp";
			case "58" -> "icmpv6";
			default -> protocol.trim().toLowerCase(java.util.Locale.ROOT);
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

}
