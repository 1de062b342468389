package org.envelopereview.action.gcp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
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
 * The Google Cloud method catalogue ({@code catalog/gcp-audit-methods.yaml}) on the real
 * plaso capture and the Panther fixtures (src/test/resources/realdata, SOURCES.md there),
 * field by field, and the README's table against the file.
 */
class GcpAuditCoverageTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String FIREWALL_OPERATION = "operation-1634612146037-5ceabcc4f6447-d7a59be5-3fd18aa8";

	private static final String NETWORK_OPERATION = "operation-1634612259304-5ceabd30fb515-0c5c5a7d-0ac8bbff";

	private final RecordingSink sink = new RecordingSink();

	@Test
	void shouldJoinTheFirstAndLastEntriesOfEachRealOperationIntoOneChange() throws IOException {
		readResource("/realdata/gcp_logging.jsonl");

		assertThat(this.sink.actions())
			.extracting(Action::id, Action::occurredAt, Action::agent, Action::type, Action::resource, Action::region,
					Action::protocol, Action::ports, Action::cidr, Action::outcome, Action::errorCode,
					Action::envelopeId)
			.containsExactly(
					tuple(NETWORK_OPERATION, Instant.parse("2021-10-19T02:57:39.354769Z"), "fakeemailxyz",
							"network.create", "projects/fake-project/global/networks/test", "global", null, null, null,
							Action.Outcome.SUCCEEDED, null, null),
					tuple(FIREWALL_OPERATION, Instant.parse("2021-10-19T02:55:46.097818Z"), "fakeemailxyz",
							"firewall.rule.add", "projects/fake-project/global/firewalls/test", "global", "tcp", "3389",
							"0.0.0.0/0", Action.Outcome.SUCCEEDED, null, null));
		assertThat(this.sink.actions())
			.extracting((action) -> action.provenance().provider(), (action) -> action.provenance().principal(),
					(action) -> action.provenance().account(), (action) -> action.provenance().providerEventId(),
					(action) -> action.provenance().userAgent(), (action) -> action.provenance().sourceIp())
			.containsExactly(
					tuple("gcp", "fakeemailxyz@gmail.com", "fake-project", NETWORK_OPERATION, "UserAgent", "1.1.1.1"),
					tuple("gcp", "fakeemailxyz@gmail.com", "fake-project", FIREWALL_OPERATION, "UserAgent", "1.1.1.1"));
		assertThat(this.sink.notReviewed).containsExactly("google.iam.admin.v1.CreateServiceAccount",
				"beta.compute.instances.insert", "google.iam.admin.v1.CreateServiceAccount",
				"beta.compute.instances.insert");
		assertThat(this.sink.skipped).containsExactly("beta.compute.networks.insert (operation continued)",
				"v1.compute.firewalls.insert (operation continued)",
				"beta.compute.instances.insert (operation continued)", "(not an audit log entry)",
				"(not an audit log entry)");
		assertThat(this.sink.quarantined).isEmpty();
		assertThat(this.sink.unknownRegions).isEmpty();
	}

	@Test
	void shouldTakeTheOutcomeFromTheLastEntryWhicheverComesFirst() throws IOException {
		List<String> lines = resourceLines("/realdata/gcp_logging.jsonl");
		ObjectNode last = (ObjectNode) JSON.readTree(lines.get(2));
		ObjectNode status = ((ObjectNode) last.path("protoPayload")).putObject("status");
		status.put("code", 3);
		status.put("message", "Invalid value for field 'resource.sourceRanges[0]'");

		read(lines.get(3) + "\n" + last);

		assertThat(this.sink.actions()).extracting(Action::id, Action::outcome, Action::errorCode, Action::cidr)
			.containsExactly(tuple(FIREWALL_OPERATION, Action.Outcome.FAILED, "INVALID_ARGUMENT", "0.0.0.0/0"));
		assertThat(this.sink.skipped).containsExactly("v1.compute.firewalls.insert (operation continued)");
	}

	@Test
	void shouldMapThePantherFixturesOnceTheirTimesAreIsoAndCountTheRest() throws IOException {
		StringBuilder text = new StringBuilder();
		for (String line : resourceLines("/realdata/panther_gcp_audit_test_events.jsonl")) {
			text.append(iso(JSON.readTree(line))).append('\n');
		}

		read(text.toString());

		assertThat(this.sink.actions())
			.extracting(Action::id, Action::type, Action::resource, Action::region, Action::protocol, Action::cidr,
					Action::agent, (action) -> action.provenance().account())
			.containsExactly(
					tuple("operation-abcdefg-1234567", "subnet.modify",
							"projects/test-project/regions/us-central1/subnetworks/default", "us-central1", null, null,
							"user1", "test-project"),
					tuple("operation-abc-123", "logging.config.modify",
							"projects/gcp-project/regions/us-central1/subnetworks/default", "us-central1", null, null,
							"user1", "gcp-project"),
					tuple("operation-abcdefg-1234567", "subnet.modify",
							"projects/test-project/regions/us-central1/subnetworks/default", "us-central1", null, null,
							"user1", "test-project"),
					// the insert and the patch fixtures share one operation id: one
					// change, the
					// request of the first read
					tuple("operation-1684869580331-5fc6144d418a9-e1332ca3-59c615ac", "firewall.deny.add",
							"projects/test-project-123456/global/firewalls/firewall-create", "global", "all", null,
							"user", "test-project-123456"),
					// a last entry whose first is not in the input: handed over at its
					// end
					tuple("operation-1684869594486-5fc6145ac17b3-6f92b265-43256266", "firewall.rule.remove",
							"projects/test-project-123456/global/firewalls/firewall-create", "global", null, null,
							"user", "test-project-123456"));
		assertThat(this.sink.notReviewed).containsExactly("google.appengine.v1.Firewall.DeleteIngressRule");
		assertThat(this.sink.skipped).containsExactly("v1.compute.firewalls.patch (operation continued)");
		// hand-made fixtures without any time cannot be placed in a period
		assertThat(this.sink.quarantined).extracting(RecordingSink.Quarantined::line).containsExactly(3L, 6L, 8L);
		assertThat(this.sink.quarantined.get(0).reason())
			.isEqualTo("randomservice.compute.v1.Firewall.CreateIngressRule: a write no rule covers (not reviewed) "
					+ "with no timestamp: it cannot be placed in a period");
	}

	@Test
	void shouldGiveOneChangePerAllowedOrDeniedProtocolPortAndRange() throws IOException {
		read(entry("v1.compute.firewalls.insert", "op-1", """
				{"alloweds":[{"IPProtocol":"tcp","ports":["22","8000-8080"]},{"IPProtocol":"udp","ports":["53-53"]}],
				 "sourceRanges":["10.0.0.0/8","192.168.1.7/24"],"direction":"INGRESS"}""") + "\n"
				+ entry("v1.compute.firewalls.insert", "op-2", """
						{"alloweds":[{"IPProtocol":"all"}],"destinationRanges":["0.0.0.0/0"],"direction":"EGRESS"}""")
				+ "\n" + entry("v1.compute.firewalls.patch", "op-3", """
						{"denieds":[{"IPProtocol":"tcp","ports":["3389"]}],"sourceRanges":["0.0.0.0/0"]}""") + "\n"
				+ entry("v1.compute.firewalls.patch", "op-4", "{\"disabled\":true}"));

		assertThat(this.sink.actions())
			.extracting(Action::id, Action::type, Action::protocol, Action::ports, Action::cidr, Action::recordedCidr)
			.containsExactly(tuple("op-1#1", "firewall.rule.add", "tcp", "22", "10.0.0.0/8", null),
					tuple("op-1#2", "firewall.rule.add", "tcp", "22", "192.168.1.0/24", "192.168.1.7/24"),
					tuple("op-1#3", "firewall.rule.add", "tcp", "8000-8080", "10.0.0.0/8", null),
					tuple("op-1#4", "firewall.rule.add", "tcp", "8000-8080", "192.168.1.0/24", "192.168.1.7/24"),
					tuple("op-1#5", "firewall.rule.add", "udp", "53", "10.0.0.0/8", null),
					tuple("op-1#6", "firewall.rule.add", "udp", "53", "192.168.1.0/24", "192.168.1.7/24"),
					tuple("op-2", "firewall.egress.add", "all", null, "0.0.0.0/0", null),
					tuple("op-3", "firewall.deny.add", "tcp", "3389", "0.0.0.0/0", null),
					tuple("op-4", "firewall.rule.disable", null, null, null, null));
	}

	@Test
	void shouldMapFlowLogsTurnedOffAndSinksDeletedToLoggingChangesButNotFlowLogsTurnedOn() throws IOException {
		read(String.join("\n", entry("v1.compute.subnetworks.patch", "op-1", "{\"logConfig\":{\"enable\":false}}"),
				entry("v1.compute.subnetworks.patch", "op-2", "{\"logConfig\":{\"enable\":true}}"),
				entry("google.logging.v2.ConfigServiceV2.DeleteSink", null,
						"{\"sinkName\":\"projects/p/sinks/audit\"}"),
				entry("google.logging.v2.ConfigServiceV2.ListSinks", null, "{}"),
				entry("v1.compute.instances.insert", "op-5", "{}")));

		assertThat(this.sink.actions()).extracting(Action::id, Action::type)
			.containsExactly(tuple("op-1", "logging.config.modify"), tuple("op-2", "subnet.modify"),
					tuple("insert-google.logging.v2.ConfigServiceV2.DeleteSink", "logging.config.modify"));
		assertThat(this.sink.skipped).containsExactly("google.logging.v2.ConfigServiceV2.ListSinks");
		assertThat(this.sink.notReviewed).containsExactly("v1.compute.instances.insert");
	}

	@Test
	void shouldReadAJsonArrayTheEntriesObjectAndPubSubMessagesAlike() throws IOException {
		List<String> lines = resourceLines("/realdata/gcp_logging.jsonl");
		String firewall = lines.get(3);
		String message = "{\"message\":{\"data\":\""
				+ Base64.getEncoder().encodeToString(firewall.getBytes(StandardCharsets.UTF_8))
				+ "\",\"messageId\":\"1\"},\"subscription\":\"projects/p/subscriptions/audit\"}";

		read("[\n" + firewall + "\n]");
		read("{\"entries\":[" + firewall + "],\"nextPageToken\":\"x\"}");
		read(message);
		read("{\"receivedMessages\":[{\"ackId\":\"a\"," + message.substring(1) + "]}");

		assertThat(this.sink.actions()).hasSize(4)
			.extracting(Action::id, Action::cidr)
			.containsOnly(tuple(FIREWALL_OPERATION, "0.0.0.0/0"));
	}

	@Test
	void shouldKeepARegionNoCatalogueKnowsAndSayWhichOne() throws IOException {
		read(entry("v1.compute.routes.insert", "op-1", "{\"destRange\":\"0.0.0.0/0\"}")
			.replace("\"zone\":\"us-central1-a\"", "\"zone\":\"mars-north1-a\""));

		assertThat(this.sink.actions()).extracting(Action::type, Action::region, Action::cidr)
			.containsExactly(tuple("route.add", "mars-north1", "0.0.0.0/0"));
		assertThat(this.sink.unknownRegions).containsExactly("gcp mars-north1");
	}

	static Stream<ProviderCatalogue.Entry> unconditionalEntries() {
		return GcpAuditMethods.METHODS.entries().stream().filter((entry) -> entry.when() == null);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unconditionalEntries")
	void shouldMapEveryMethodOfTheCatalogueOntoAKnownType(ProviderCatalogue.Entry entry) throws IOException {
		read(entry("v1." + entry.name().replace("*", ""), "op-1", "{\"sourceRanges\":[\"10.0.0.0/8\"]}"));

		assertThat(this.sink.quarantined).isEmpty();
		assertThat(this.sink.actions()).isNotEmpty().allSatisfy((action) -> {
			assertThat(ActionTypes.isKnown(action.type())).isTrue();
			assertThat(action.type().substring(0, action.type().indexOf('.')))
				.isEqualTo(entry.type().substring(0, entry.type().indexOf('.')));
		});
	}

	@Test
	void shouldListEveryCatalogueEntryInTheReadmeTable() throws IOException {
		List<String> expected = CatalogueTable.expected(GcpAuditMethods.METHODS);

		assertThat(CatalogueTable.readme("gcp-audit-methods"))
			.as("README.md, table between <!-- gcp-audit-methods --> markers; expected:%n%s",
					String.join("\n", expected))
			.containsExactlyElementsOf(expected);
	}

	/** An Admin Activity entry of a service account in us-central1-a, logged once. */
	static String entry(String method, String operation, String request) {
		String operationField = (operation != null)
				? "\"operation\":{\"id\":\"%s\",\"first\":true,\"last\":true},".formatted(operation) : "";
		return ("{\"insertId\":\"insert-%s\",\"logName\":\"projects/prod-net/logs/cloudaudit.googleapis.com%%2Factivity\","
				+ "%s\"protoPayload\":{\"@type\":\"type.googleapis.com/google.cloud.audit.AuditLog\","
				+ "\"authenticationInfo\":{\"principalEmail\":\"sa-router@prod-net.iam.gserviceaccount.com\"},"
				+ "\"methodName\":\"%s\",\"resourceName\":\"projects/prod-net/global/things/t-1\",\"request\":%s},"
				+ "\"resource\":{\"labels\":{\"project_id\":\"prod-net\",\"zone\":\"us-central1-a\"}},"
				+ "\"timestamp\":\"2026-07-03T03:47:00Z\"}")
			.formatted(method, operationField, method, request.replace("\n", ""));
	}

	/** A Panther fixture with its fields as Cloud Logging writes them and an ISO time. */
	private static String iso(JsonNode fixture) {
		ObjectNode entry = (ObjectNode) fixture.deepCopy();
		for (String[] names : new String[][] { { "insertid", "insertId" }, { "logname", "logName" },
				{ "receivetimestamp", "receiveTimestamp" } }) {
			if (entry.has(names[0])) {
				entry.set(names[1], entry.remove(names[0]));
			}
		}
		String time = entry.path("timestamp").asString(null);
		if (time != null && time.contains(" ")) {
			entry.put("timestamp", time.replace(' ', 'T') + "Z");
		}
		return entry.toString();
	}

	private void read(String text) throws IOException {
		new GcpAuditReader(1_048_576).read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), this.sink);
	}

	private void readResource(String name) throws IOException {
		try (InputStream input = getClass().getResourceAsStream(name)) {
			new GcpAuditReader(1_048_576).read(input, this.sink);
		}
	}

	private static List<String> resourceLines(String name) throws IOException {
		try (InputStream input = GcpAuditCoverageTests.class.getResourceAsStream(name)) {
			return new ArrayList<>(new String(input.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
		}
	}

}
