package org.envelopereview.action.gcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.envelopereview.action.provider.JsonPaths;
import org.envelopereview.action.provider.ProviderCatalogue;
import org.envelopereview.action.provider.ProviderChange;

/**
 * The Google Cloud methods that are reviewed, as {@code catalog/gcp-audit-methods.yaml}
 * lists them, and the readers of the requests that give several changes.
 */
final class GcpAuditMethods {

	static final String CATALOGUE = "catalog/gcp-audit-methods.yaml";

	static final ProviderCatalogue METHODS = new ProviderCatalogue(CATALOGUE,
			Map.of("firewall", GcpAuditMethods::firewall, "armor-rule", GcpAuditMethods::armorRule, "dns-changes",
					GcpAuditMethods::dnsChanges));

	private GcpAuditMethods() {
	}

	/**
	 * A VPC firewall rule: one change per allowed or denied protocol, port and range.
	 * Ingress rules read their source ranges, egress rules their destination ranges;
	 * allowed egress is {@code firewall.egress.add} and every denied rule
	 * {@code firewall.deny.add}. Audit logs write the lists as {@code alloweds} and
	 * {@code denieds}; the API's {@code allowed}/{@code denied} are read too. A patch
	 * that names no protocol (only ranges, or only {@code disabled}) still gives its
	 * changes.
	 */
	static List<ProviderChange> firewall(ProviderCatalogue.Entry entry, JsonNode event) {
		JsonNode request = event.path("request");
		String resource = JsonPaths.text(event, "resourceName");
		boolean egress = "EGRESS".equalsIgnoreCase(JsonPaths.text(request, "direction"));
		List<String> ranges = JsonPaths.values(request, egress ? "destinationRanges" : "sourceRanges");
		List<ProviderChange> changes = new ArrayList<>();
		String allowType = egress ? "firewall.egress.add" : entry.type();
		if (!egress && "true".equalsIgnoreCase(JsonPaths.text(request, "disabled"))
				&& !"firewall.rule.add".equals(entry.type())) {
			allowType = "firewall.rule.disable";
		}
		rules(changes, allowType, resource, request, "alloweds", "allowed", ranges);
		rules(changes, "firewall.deny.add", resource, request, "denieds", "denied", ranges);
		if (changes.isEmpty()) {
			changes.addAll(ProviderCatalogue.product(allowType, resource, null, List.of(), ranges));
		}
		return changes;
	}

	private static void rules(List<ProviderChange> changes, String type, String resource, JsonNode request,
			String logged, String api, List<String> ranges) {
		JsonNode rules = request.has(logged) ? request.path(logged) : request.path(api);
		for (JsonNode rule : JsonPaths.items(rules)) {
			String protocol = JsonPaths.protocol(JsonPaths.text(rule, "IPProtocol"));
			List<String> ports = new ArrayList<>();
			JsonPaths.values(rule, "ports").forEach((port) -> ports.add(JsonPaths.ports(protocol, port)));
			changes.addAll(ProviderCatalogue.product(type, resource, protocol, ports, ranges));
		}
	}

	/**
	 * A Cloud Armor rule: one change per source range of its match; a rule whose action
	 * denies is {@code firewall.deny.add}.
	 */
	static List<ProviderChange> armorRule(ProviderCatalogue.Entry entry, JsonNode event) {
		JsonNode request = event.path("request");
		String action = JsonPaths.text(request, "action");
		String type = (action != null && action.toLowerCase(Locale.ROOT).startsWith("deny")) ? "firewall.deny.add"
				: entry.type();
		String resource = JsonPaths.text(event, "resourceName");
		String priority = JsonPaths.text(request, "priority");
		if (resource != null && priority != null) {
			resource = resource + "#" + priority;
		}
		return ProviderCatalogue.product(type, resource, null, List.of(),
				JsonPaths.values(request, "match.config.srcIpRanges"));
	}

	/**
	 * A Cloud DNS change: one change per record set added or deleted; the resource is the
	 * record name without its final dot.
	 */
	static List<ProviderChange> dnsChanges(ProviderCatalogue.Entry entry, JsonNode event) {
		JsonNode change = event.path("request").has("change") ? event.path("request").path("change")
				: event.path("request");
		List<ProviderChange> changes = new ArrayList<>();
		for (JsonNode record : JsonPaths.items(change.path("additions"))) {
			changes.add(new ProviderChange(entry.type(), recordName(record), null, null, null));
		}
		for (JsonNode record : JsonPaths.items(change.path("deletions"))) {
			changes.add(new ProviderChange("dns.record.delete", recordName(record), null, null, null));
		}
		if (changes.isEmpty()) {
			changes.add(new ProviderChange(entry.type(), JsonPaths.text(event, "resourceName"), null, null, null));
		}
		return changes;
	}

	private static String recordName(JsonNode record) {
		String name = JsonPaths.text(record, "name");
		return (name != null && name.endsWith(".")) ? name.substring(0, name.length() - 1) : name;
	}

}
