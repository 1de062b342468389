package org.envelopereview.action.azure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.envelopereview.action.provider.JsonPaths;
import org.envelopereview.action.provider.ProviderCatalogue;
import org.envelopereview.action.provider.ProviderChange;

/**
 * The Azure operations that are reviewed, as {@code catalog/azure-operations.yaml} lists
 * them, and the readers of the request bodies that give several changes.
 */
final class AzureOperations {

	static final String CATALOGUE = "catalog/azure-operations.yaml";

	static final ProviderCatalogue OPERATIONS = new ProviderCatalogue(CATALOGUE,
			Map.of("nsg-rule", AzureOperations::nsgRule, "nsg", AzureOperations::nsg, "firewall-policy-rules",
					AzureOperations::policyRules));

	/** Address prefixes that stand for every address. */
	private static final List<String> ANYWHERE = List.of("*", "internet", "any", "0.0.0.0/0");

	private AzureOperations() {
	}

	/**
	 * One security rule, from the request body (else the response body, which holds the
	 * rule as written): inbound rules read their source prefixes, outbound their
	 * destination prefixes; {@code *} and {@code Internet} are every address, other
	 * service tags no CIDR. An allowed outbound rule is
	 * {@code security_group.egress.add}, a denying rule {@code firewall.deny.add}.
	 */
	static List<ProviderChange> nsgRule(ProviderCatalogue.Entry entry, JsonNode event) {
		JsonNode rule = body(event, "request");
		if (rule.isMissingNode()) {
			rule = body(event, "response");
		}
		return rule(entry.type(), JsonPaths.text(event, "resourceId"), rule);
	}

	/**
	 * A network security group written with its rules: each rule as {@link #nsgRule}, the
	 * rule's resource id under the group's; with none, the group itself.
	 */
	static List<ProviderChange> nsg(ProviderCatalogue.Entry entry, JsonNode event) {
		String group = JsonPaths.text(event, "resourceId");
		JsonNode body = body(event, "request");
		if (body.isMissingNode()) {
			body = body(event, "response");
		}
		List<ProviderChange> changes = new ArrayList<>();
		for (JsonNode rule : JsonPaths.items(body.path("securityRules"))) {
			String name = JsonPaths.text(rule, "name");
			String resource = (group != null && name != null) ? group + "/securityRules/" + name : group;
			JsonNode properties = rule.has("properties") ? rule.path("properties") : rule;
			changes.addAll(rule("security_group.ingress.add", resource, properties));
		}
		if (changes.isEmpty()) {
			changes.add(new ProviderChange(entry.type(), group, null, null, null));
		}
		return changes;
	}

	/**
	 * A firewall policy's rule collection group: one change per rule, source address and
	 * port of every rule collection; those of a collection whose action is Deny are
	 * {@code firewall.deny.add}.
	 */
	static List<ProviderChange> policyRules(ProviderCatalogue.Entry entry, JsonNode event) {
		String group = JsonPaths.text(event, "resourceId");
		JsonNode body = body(event, "request");
		List<ProviderChange> changes = new ArrayList<>();
		for (JsonNode collection : JsonPaths.items(body.path("ruleCollections"))) {
			JsonNode properties = collection.has("properties") ? collection.path("properties") : collection;
			String action = JsonPaths.value(properties, "action.type");
			String type = "deny".equalsIgnoreCase(action) ? "firewall.deny.add" : entry.type();
			for (JsonNode rule : JsonPaths.items(properties.path("rules"))) {
				String name = JsonPaths.text(rule, "name");
				String resource = (group != null && name != null) ? group + "/rules/" + name : group;
				List<String> protocols = JsonPaths.values(rule, "ipProtocols");
				String protocol = (protocols.size() == 1) ? JsonPaths.protocol(protocols.get(0)) : null;
				List<String> ports = new ArrayList<>();
				JsonPaths.values(rule, "destinationPorts")
					.forEach((port) -> ports.add(JsonPaths.ports(protocol, port)));
				changes
					.addAll(ProviderCatalogue.product(type, resource, protocol, ports, cidrs(rule, "sourceAddresses")));
			}
		}
		if (changes.isEmpty()) {
			changes.add(new ProviderChange(entry.type(), group, null, null, null));
		}
		return changes;
	}

	private static List<ProviderChange> rule(String allowType, String resource, JsonNode rule) {
		if (rule.isMissingNode() || rule.isEmpty()) {
			return List.of(new ProviderChange(allowType, resource, null, null, null));
		}
		boolean outbound = "outbound".equalsIgnoreCase(JsonPaths.text(rule, "direction"));
		boolean deny = "deny".equalsIgnoreCase(JsonPaths.text(rule, "access"));
		String type = deny ? "firewall.deny.add" : outbound ? "security_group.egress.add" : allowType;
		String protocol = JsonPaths.protocol(JsonPaths.text(rule, "protocol"));
		List<String> ports = new ArrayList<>();
		JsonPaths.firstValues(rule, List.of("destinationPortRanges", "destinationPortRange"))
			.forEach((port) -> ports.add(JsonPaths.ports(protocol, port)));
		String side = outbound ? "destinationAddressPrefix" : "sourceAddressPrefix";
		List<String> cidrs = new ArrayList<>(cidrs(rule, side + "es"));
		if (cidrs.isEmpty()) {
			cidrs.addAll(cidrs(rule, side));
		}
		return ProviderCatalogue.product(type, resource, protocol, ports.stream().distinct().toList(), cidrs);
	}

	/** Address prefixes as CIDRs: every address as 0.0.0.0/0, service tags dropped. */
	private static List<String> cidrs(JsonNode rule, String field) {
		List<String> cidrs = new ArrayList<>();
		for (String prefix : JsonPaths.values(rule, field)) {
			if (ANYWHERE.contains(prefix.toLowerCase(Locale.ROOT))) {
				cidrs.add("0.0.0.0/0");
			}
			else if (Character.isDigit(prefix.charAt(0)) || prefix.contains(":")) {
				cidrs.add(prefix);
			}
		}
		return cidrs;
	}

	/** The body's {@code properties}, or the body itself when it has none. */
	private static JsonNode body(JsonNode event, String which) {
		JsonNode body = event.path(which);
		return body.has("properties") ? body.path("properties") : body;
	}

}
