package org.envelopereview.action.azure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionTypes;
import org.envelopereview.action.ingest.RecordingSink;
import org.envelopereview.action.provider.CatalogueTable;
import org.envelopereview.action.provider.ProviderCatalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The Azure operation catalogue ({@code catalog/azure-operations.yaml}) on the real plaso
 * capture, Microsoft's documented sample and the Panther fixtures
 * (src/test/resources/realdata, SOURCES.md there), field by field, and the README's table
 * against the file.
 */
class AzureActivityCoverageTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SUBSCRIPTION = "9a1b2c3d-0000-4000-8000-000000000001";

	private static final String NSG = "/subscriptions/" + SUBSCRIPTION
			+ "/resourceGroups/net-rg/providers/Microsoft.Network/networkSecurityGroups/edge-nsg";

	private final RecordingSink sink = new RecordingSink();

	@Test
	void shouldMapTheDocumentedNetworkSecurityGroupWriteFieldByField() throws IOException {
		readResource("/realdata/msdocs_azure_activity_nsg_write_example.json");

		assertThat(this.sink.actions())
			.extracting(Action::id, Action::occurredAt, Action::agent, Action::type, Action::resource, Action::region,
					Action::protocol, Action::ports, Action::cidr, Action::outcome, Action::errorCode)
			.containsExactly(tuple("04e575f8-48d0-4c43-a8b3-78c4eb01d287", Instant.parse("2018-01-29T20:42:31.381067Z"),
					"rob", "security_group.create",
					"/subscriptions/<subscription ID>/resourcegroups/myResourceGroup/providers/Microsoft.Network/"
							+ "networkSecurityGroups/myNSG",
					null, null, null, null, Action.Outcome.SUCCEEDED, null));
		assertThat(this.sink.actions()).extracting(Action::provenance)
			.containsExactly(new Action.Provenance("azure", "rob@contoso.com", "<subscription id>",
					"04e575f8-48d0-4c43-a8b3-78c4eb01d287", null, "111.111.1.111"));
		assertThat(this.sink.quarantined).isEmpty();
	}

	@Test
	void shouldCountTheRealComputeWritesOfTheSdkShapeAsNotReviewed() throws IOException {
		readResource("/realdata/azure_activity_log.jsonl");

		assertThat(this.sink.actions()).isEmpty();
		assertThat(this.sink.notReviewed).containsExactly("Microsoft.Compute/disks/delete",
				"Microsoft.Compute/virtualMachines/delete", "Microsoft.Compute/disks/write",
				"Microsoft.Compute/virtualMachines/write");
		assertThat(this.sink.quarantined).isEmpty();
	}

	@Test
	void shouldQuarantineThePantherFixturesWithoutACallerAndMapThemOnceTheyNameOne() throws IOException {
		List<String> lines = resourceLines("/realdata/panther_azure_activity_test_events.jsonl");
		read(String.join("\n", lines));
		assertThat(this.sink.quarantined).hasSize(8)
			.allSatisfy((quarantined) -> assertThat(quarantined.reason())
				.endsWith("missing agent: no caller or principal"));
		RecordingSink named = new RecordingSink();
		StringBuilder withCaller = new StringBuilder();
		for (String line : lines) {
			ObjectNode record = (ObjectNode) JSON.readTree(line);
			record.putObject("identity").putObject("claims").put("upn", "netops-agent@contoso.com");
			withCaller.append(record).append('\n');
		}

		new AzureActivityReader(1_048_576)
			.read(new ByteArrayInputStream(withCaller.toString().getBytes(StandardCharsets.UTF_8)), named);

		assertThat(named.actions())
			.extracting(Action::type, Action::resource, Action::region, Action::agent,
					(action) -> action.provenance().account())
			.containsExactly(
					tuple("firewall.policy.modify",
							"/subscriptions/12345678-1234-1234-1234-123456789abc/resourceGroups/network-rg/providers/"
									+ "Microsoft.Network/firewallPolicies/production-firewall-policy",
							"eastus", "netops-agent", "12345678-1234-1234-1234-123456789abc"),
					tuple("firewall.policy.modify",
							"/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/security-rg/providers/"
									+ "Microsoft.Network/firewallPolicies/default-policy",
							"westeurope", "netops-agent", "11111111-1111-1111-1111-111111111111"),
					tuple("firewall.policy.modify",
							"/subscriptions/44444444-4444-4444-4444-444444444444/resourceGroups/network-rg/providers/"
									+ "Microsoft.Network/firewallPolicies/new-policy",
							null, "netops-agent", "44444444-4444-4444-4444-444444444444"),
					tuple("security_group.delete",
							"/subscriptions/12345678-1234-1234-1234-123456789abc/resourceGroups/myresourcegroup/providers/"
									+ "Microsoft.Network/networkSecurityGroups/mynsg",
							null, "netops-agent", "12345678-1234-1234-1234-123456789abc"),
					tuple("security_group.create",
							"/subscriptions/12345678-1234-1234-1234-123456789abc/resourceGroups/myresourcegroup/providers/"
									+ "Microsoft.Network/networkSecurityGroups/mynsg",
							"westus", "netops-agent", "12345678-1234-1234-1234-123456789abc"),
					tuple("security_group.ingress.add",
							"/subscriptions/12345678-1234-1234-1234-123456789abc/resourceGroups/myresourcegroup/providers/"
									+ "Microsoft.Network/networkSecurityGroups/mynsg/securityRules/AllowRDP",
							"westus", "netops-agent", "12345678-1234-1234-1234-123456789abc"),
					tuple("security_group.ingress.remove",
							"/subscriptions/12345678-1234-1234-1234-123456789abc/resourceGroups/myresourcegroup/providers/"
									+ "Microsoft.Network/networkSecurityGroups/mynsg/securityRules/DenyAll",
							"eastus", "netops-agent", "12345678-1234-1234-1234-123456789abc"),
					tuple("security_group.delete",
							"/subscriptions/12345678-1234-1234-1234-123456789abc/resourceGroups/prod-rg/providers/"
									+ "Microsoft.Network/networkSecurityGroups/prodnsg",
							"eastus", "netops-agent", "12345678-1234-1234-1234-123456789abc"));
		assertThat(named.quarantined).isEmpty();
	}

	@Test
	void shouldJoinAStartedAndASucceededEntryIntoOneRuleChangeInEitherOrder() throws IOException {
		String started = event("op-1", "Microsoft.Network/networkSecurityGroups/securityRules/write", "Started",
				NSG + "/securityRules/allow-rdp", RDP_RULE, "2026-07-03T03:47:00Z");
		String succeeded = event("op-1", "Microsoft.Network/networkSecurityGroups/securityRules/write", "Succeeded",
				NSG + "/securityRules/allow-rdp", null, "2026-07-03T03:47:09Z");

		read(succeeded + "\n" + started);

		assertThat(this.sink.actions())
			.extracting(Action::id, Action::occurredAt, Action::type, Action::resource, Action::region,
					Action::protocol, Action::ports, Action::cidr, Action::outcome, Action::agent)
			.containsExactly(tuple("op-1", Instant.parse("2026-07-03T03:47:00Z"), "security_group.ingress.add",
					NSG + "/securityRules/allow-rdp", "westeurope", "tcp", "3389", "0.0.0.0/0",
					Action.Outcome.SUCCEEDED, "netops-agent"));
		assertThat(this.sink.skipped)
			.containsExactly("Microsoft.Network/networkSecurityGroups/securityRules/write (operation continued)");
	}

	@Test
	void shouldRecordAFailedOperationAsAFailedAttemptWithItsSubStatus() throws IOException {
		String failed = event("op-2", "Microsoft.Network/networkSecurityGroups/securityRules/write", "Failed",
				NSG + "/securityRules/allow-rdp", null, "2026-07-03T03:47:09Z")
			.replace("\"subStatus\":{\"value\":\"\"}", "\"subStatus\":{\"value\":\"Conflict\"}");

		read(event("op-2", "Microsoft.Network/networkSecurityGroups/securityRules/write", "Started",
				NSG + "/securityRules/allow-rdp", RDP_RULE, "2026-07-03T03:47:00Z") + "\n"
				+ event("op-2", "Microsoft.Network/networkSecurityGroups/securityRules/write", "Accepted",
						NSG + "/securityRules/allow-rdp", null, "2026-07-03T03:47:01Z")
				+ "\n" + failed);

		assertThat(this.sink.actions()).extracting(Action::id, Action::outcome, Action::errorCode)
			.containsExactly(tuple("op-2", Action.Outcome.FAILED, "Conflict"));
		assertThat(this.sink.skipped).hasSize(2);
	}

	@Test
	void shouldGiveEveryRuleOfAGroupWrittenWholeAndDenyRulesTheirOwnType() throws IOException {
		String body = """
				{"location":"westeurope","properties":{"securityRules":[
				 {"name":"ssh","properties":{"protocol":"Tcp","destinationPortRange":"22","sourceAddressPrefixes":["10.0.0.0/8","192.168.0.0/16"],"access":"Allow","direction":"Inbound"}},
				 {"name":"out","properties":{"protocol":"*","destinationPortRange":"*","destinationAddressPrefix":"Internet","access":"Allow","direction":"Outbound"}},
				 {"name":"deny","properties":{"protocol":"Udp","destinationPortRanges":["53","5353"],"sourceAddressPrefix":"VirtualNetwork","access":"Deny","direction":"Inbound"}}]}}""";

		read(event("op-3", "Microsoft.Network/networkSecurityGroups/write", "Succeeded", NSG, body,
				"2026-07-03T03:47:00Z"));

		assertThat(this.sink.actions())
			.extracting(Action::id, Action::type, Action::resource, Action::protocol, Action::ports, Action::cidr)
			.containsExactly(
					tuple("op-3#1", "security_group.ingress.add", NSG + "/securityRules/ssh", "tcp", "22",
							"10.0.0.0/8"),
					tuple("op-3#2", "security_group.ingress.add", NSG + "/securityRules/ssh", "tcp", "22",
							"192.168.0.0/16"),
					tuple("op-3#3", "security_group.egress.add", NSG + "/securityRules/out", "all", null, "0.0.0.0/0"),
					tuple("op-3#4", "firewall.deny.add", NSG + "/securityRules/deny", "udp", "53", null),
					tuple("op-3#5", "firewall.deny.add", NSG + "/securityRules/deny", "udp", "5353", null));
	}

	@Test
	void shouldMapDiagnosticSettingAndFlowLogDeletesToLoggingChangesButNotAFlowLogTurnedOn() throws IOException {
		String diagnostic = NSG + "/providers/Microsoft.Insights/diagnosticSettings/to-sentinel";
		String flowLog = "/subscriptions/" + SUBSCRIPTION
				+ "/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/nw/flowLogs/fl";
		read(String.join("\n",
				event("op-4", "Microsoft.Insights/diagnosticSettings/delete", "Succeeded", diagnostic, null,
						"2026-07-03T03:47:00Z"),
				event("op-5", "Microsoft.Network/networkWatchers/flowLogs/write", "Succeeded", flowLog,
						"{\"properties\":{\"enabled\":false}}", "2026-07-03T03:48:00Z"),
				event("op-6", "Microsoft.Network/networkWatchers/flowLogs/write", "Succeeded", flowLog,
						"{\"properties\":{\"enabled\":true}}", "2026-07-03T03:49:00Z"),
				event("op-7", "Microsoft.Network/networkSecurityGroups/read", "Succeeded", NSG, null,
						"2026-07-03T03:50:00Z"),
				event("op-8", "Microsoft.Compute/virtualMachines/write", "Succeeded", NSG, null,
						"2026-07-03T03:51:00Z")));

		assertThat(this.sink.actions()).extracting(Action::id, Action::type, Action::resource)
			.containsExactly(tuple("op-4", "logging.config.modify", diagnostic),
					tuple("op-5", "logging.config.modify", flowLog), tuple("op-6", "logging.config.add", flowLog));
		assertThat(this.sink.skipped).containsExactly("Microsoft.Network/networkSecurityGroups/read");
		assertThat(this.sink.notReviewed).containsExactly("Microsoft.Compute/virtualMachines/write");
	}

	@Test
	void shouldReadEventHubRecordsAndLogAnalyticsRowsAlike() throws IOException {
		String record = "{\"time\":\"2026-07-03T03:47:00.1234567Z\",\"resourceId\":\"" + NSG.toUpperCase()
				+ "/SECURITYRULES/ALLOW-RDP\",\"operationName\":\"MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SECURITYRULES/WRITE\","
				+ "\"category\":\"Administrative\",\"resultType\":\"Success\",\"resultSignature\":\"Succeeded.Created\","
				+ "\"callerIpAddress\":\"203.0.113.9\",\"correlationId\":\"c-1\",\"identity\":{\"claims\":{"
				+ "\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn\":\"netops-agent@contoso.com\"}},"
				+ "\"location\":\"westeurope\",\"properties\":{\"requestbody\":" + JSON.writeValueAsString(RDP_RULE)
				+ "}}";
		String row = "{\"TimeGenerated\":\"2026-07-03T03:47:00Z\",\"OperationNameValue\":"
				+ "\"MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SECURITYRULES/WRITE\",\"ActivityStatusValue\":\"Success\","
				+ "\"Caller\":\"netops-agent@contoso.com\",\"CallerIpAddress\":\"203.0.113.9\",\"CorrelationId\":\"c-2\","
				+ "\"OperationId\":\"op-9\",\"EventDataId\":\"e-9\",\"SubscriptionId\":\"" + SUBSCRIPTION + "\","
				+ "\"CategoryValue\":\"Administrative\",\"_ResourceId\":\"" + NSG.toLowerCase()
				+ "/securityrules/allow-rdp\",\"Properties\":" + JSON.writeValueAsString("{\"entity\":\"" + NSG
						+ "/securityRules/allow-rdp\",\"requestbody\":" + JSON.writeValueAsString(RDP_RULE) + "}")
				+ ",\"Type\":\"AzureActivity\"}";

		read("{\"records\":[" + record + "]}");
		read("[" + row + "]");

		assertThat(this.sink.actions())
			.extracting(Action::type, Action::protocol, Action::ports, Action::cidr, Action::agent,
					(action) -> action.provenance().account(), (action) -> action.provenance().sourceIp())
			.containsOnly(tuple("security_group.ingress.add", "tcp", "3389", "0.0.0.0/0", "netops-agent", SUBSCRIPTION,
					"203.0.113.9"));
		assertThat(this.sink.actions()).extracting(Action::id).element(0).asString().startsWith("c-1/");
		assertThat(this.sink.actions()).extracting(Action::id).element(1).isEqualTo("op-9");
		assertThat(this.sink.actions()).extracting(Action::resource)
			.containsExactly(NSG.toUpperCase() + "/SECURITYRULES/ALLOW-RDP", NSG + "/securityRules/allow-rdp");
	}

	static Stream<ProviderCatalogue.Entry> unconditionalEntries() {
		return AzureOperations.OPERATIONS.entries().stream().filter((entry) -> entry.when() == null);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unconditionalEntries")
	void shouldMapEveryOperationOfTheCatalogueOntoAKnownType(ProviderCatalogue.Entry entry) throws IOException {
		read(event("op-1", entry.name().replace("*", "A"), "Succeeded", NSG, null, "2026-07-03T03:47:00Z"));

		assertThat(this.sink.quarantined).isEmpty();
		assertThat(this.sink.actions()).isNotEmpty().allSatisfy((action) -> {
			assertThat(ActionTypes.isKnown(action.type())).isTrue();
			assertThat(action.type()).isEqualTo(entry.type());
		});
	}

	@Test
	void shouldListEveryCatalogueEntryInTheReadmeTable() throws IOException {
		List<String> expected = CatalogueTable.expected(AzureOperations.OPERATIONS);

		assertThat(CatalogueTable.readme("azure-operations"))
			.as("README.md, table between <!-- azure-operations --> markers; expected:%n%s",
					String.join("\n", expected))
			.containsExactlyElementsOf(expected);
	}

	/** An inbound rule allowing RDP from anywhere, as a request body. */
	static final String RDP_RULE = "{\"location\":\"westeurope\",\"properties\":{\"protocol\":\"Tcp\","
			+ "\"sourcePortRange\":\"*\",\"destinationPortRange\":\"3389\",\"sourceAddressPrefix\":\"*\","
			+ "\"destinationAddressPrefix\":\"*\",\"access\":\"Allow\",\"priority\":100,\"direction\":\"Inbound\"}}";

	/** An Administrative entry as the portal and CLI export it. */
	static String event(String operationId, String operation, String status, String resourceId, String body,
			String time) {
		ObjectNode event = JSON.createObjectNode();
		event.put("caller", "netops-agent@contoso.com");
		event.putObject("category").put("value", "Administrative");
		event.put("correlationId", "corr-" + operationId);
		event.put("eventDataId", "event-" + operationId + "-" + status);
		event.putObject("eventName").put("value", "Started".equals(status) ? "BeginRequest" : "EndRequest");
		event.put("eventTimestamp", time);
		event.putObject("httpRequest").put("clientIpAddress", "203.0.113.9");
		event.put("operationId", operationId);
		event.putObject("operationName").put("value", operation);
		event.put("resourceId", resourceId);
		event.putObject("status").put("value", status);
		event.putObject("subStatus").put("value", "");
		event.put("subscriptionId", SUBSCRIPTION);
		ObjectNode properties = event.putObject("properties");
		if (body != null) {
			properties.put("requestbody", body.replace("\n", ""));
		}
		return event.toString();
	}

	private void read(String text) throws IOException {
		new AzureActivityReader(1_048_576).read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
				this.sink);
	}

	private void readResource(String name) throws IOException {
		try (InputStream input = getClass().getResourceAsStream(name)) {
			new AzureActivityReader(1_048_576).read(input, this.sink);
		}
	}

	private static List<String> resourceLines(String name) throws IOException {
		try (InputStream input = AzureActivityCoverageTests.class.getResourceAsStream(name)) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

}
