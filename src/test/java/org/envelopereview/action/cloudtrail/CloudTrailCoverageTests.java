package org.envelopereview.action.cloudtrail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionTypes;
import org.envelopereview.action.ingest.RecordingSink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The event catalogue ({@code catalog/cloudtrail-events.yaml}): every entry maps, the
 * newly covered events asserted field by field on real captures (src/test/resources/
 * realdata, see SOURCES.md there), and the README's table matches the file.
 */
class CloudTrailCoverageTests {

	private static final String INVICTUS = "/realdata/218007301253_CloudTrail_us-east-1_20230710T";

	private final RecordingSink sink = new RecordingSink();

	@Test
	void shouldMapStoppedTrailsAndDeletedFlowLogsOfARealDetonationToLoggingChanges() throws IOException {
		readResource(INVICTUS + "1205Z_SjF3IkuNXJkoHyar.json");
		readResource(INVICTUS + "1205Z_UljXNp9xLp8nsAGc.json");
		readResource(INVICTUS + "1210Z_6CICdbJQM3beT7n3.json");

		assertThat(this.sink.actions()).filteredOn((action) -> action.type().startsWith("logging."))
			.extracting(Action::id, Action::type, Action::resource, Action::outcome, Action::errorCode, Action::agent,
					Action::region)
			.containsExactly(
					tuple("f6e10706-705c-47f2-94d4-112a9527ab8b", "logging.config.modify",
							"stratus-red-team-ct-stop-trail-qzbgnfqisx", Action.Outcome.FAILED,
							"TrailNotFoundException", "bert-jan", "us-east-1"),
					tuple("de58d903-38d7-4f30-a84b-b79d858e8376", "logging.config.modify", "fl-064ed3a785e4a37ef",
							Action.Outcome.SUCCEEDED, null, "bert-jan", "us-east-1"),
					tuple("076e96d5-2983-473f-920a-2fc2d7e02777", "logging.config.modify",
							"stratus-red-team-ctes-trail-qyxyekjbtk", Action.Outcome.SUCCEEDED, null, "bert-jan",
							"us-east-1"),
					tuple("9790ee84-ed2b-4866-83d1-f32af0dd4cd2", "logging.config.modify",
							"stratus-red-team-ct-stop-trail-qzbgnfqisx", Action.Outcome.FAILED,
							"TrailNotFoundException", "bert-jan", "us-east-1"),
					tuple("b4610d54-efe9-40b0-b9f9-71156081d520", "logging.config.modify",
							"stratus-red-team-ct-stop-trail-qzbgnfqisx", Action.Outcome.FAILED,
							"TrailNotFoundException", "bert-jan", "us-east-1"),
					tuple("a3fbe842-f8df-4bb3-accf-1407cc925cbd", "logging.config.add", "vpc-0255d384b4b458b46",
							Action.Outcome.SUCCEEDED, null, "bert-jan", "us-east-1"),
					tuple("fcec2e46-3cc3-4ac2-8144-3674f06990e4", "logging.config.modify",
							"stratus-red-team-ctes-trail-qyxyekjbtk", Action.Outcome.SUCCEEDED, null, "bert-jan",
							"us-east-1"),
					tuple("349b65f9-1932-4258-a52e-476cf4fcf6d7", "logging.config.modify",
							"/stratus-red-team/vpc-flow-logs", Action.Outcome.SUCCEEDED, null, "bert-jan",
							"us-east-1"));
		assertThat(this.sink.quarantined).isEmpty();
	}

	@Test
	void shouldMapSecurityGroupsRouteTablesAndGatewaysOfRealTerraformRuns() throws IOException {
		readResource(INVICTUS + "1215Z_YMDRJwtmC82bUwAo.json");
		readResource(INVICTUS + "1205Z_UljXNp9xLp8nsAGc.json");
		readResource(INVICTUS + "1210Z_6CICdbJQM3beT7n3.json");

		assertThat(this.sink.actions())
			.filteredOn((action) -> !action.type().startsWith("logging.")
					&& !action.type().startsWith("security_group.ingress") && !action.type().startsWith("route."))
			.extracting(Action::id, Action::type, Action::resource, Action::cidr, Action::occurredAt)
			.containsExactly(
					tuple("bc855137-7ad6-4176-bb78-dc276fd918fa", "internet_gateway.create", "igw-0cb4064bb338cd209",
							null, at("12:09:23")),
					tuple("fa5846e0-e873-4a68-8ef5-03337d21a2c0", "route_table.create", "rtb-08cbc80e25a39c743", null,
							at("12:09:23")),
					tuple("7475937c-a863-44ce-9878-81e8a268e966", "security_group.create", "sg-04cfb7a4712d75b00", null,
							at("12:10:01")),
					tuple("fa576797-0e51-4db0-9910-2553bf130570", "route_table.disassociate",
							"rtbassoc-0b5181d9e08e92a46", null, at("12:12:05")),
					tuple("28bea918-a48a-4826-a1df-0df8983175fa", "internet_gateway.delete", "igw-02a84e4222d62e16b",
							null, at("12:12:06")),
					tuple("391942a4-c330-4d17-9497-343e28c0b8a1", "internet_gateway.detach", "igw-02a84e4222d62e16b",
							null, at("12:12:05")),
					tuple("9606afeb-3e3a-4f54-88ad-556e3d02d102", "security_group.delete", "sg-04cfb7a4712d75b00", null,
							at("12:12:06")),
					tuple("f94192be-ac87-46a2-9b88-ffb245b37ec6", "nat_gateway.create", "nat-0dd264ee104155137", null,
							at("12:03:18")),
					tuple("9e870431-ccb9-405a-92fc-cfd0631827e9", "internet_gateway.attach", "igw-0085514f9c3e68f60",
							null, at("12:03:16")),
					tuple("20b08a2b-2596-4d59-8f37-abacfe9343a0", "internet_gateway.create", "igw-0085514f9c3e68f60",
							null, at("12:03:16")),
					tuple("f336410f-4601-46ea-9506-cadad6b4f130", "route_table.associate", "rtb-01a1e48796093c514",
							null, at("12:03:17")),
					tuple("7e91b34c-0f25-4c8c-adfb-e7562f4803af", "route_table.create", "rtb-0906d1e2f52ebe9b0", null,
							at("12:06:34")),
					tuple("de095443-8389-4aa2-9bcb-d3295a255169", "nat_gateway.delete", "nat-0dd264ee104155137", null,
							at("12:08:06")),
					tuple("93487b25-01bb-410b-aa05-57565fca5172", "route_table.disassociate",
							"rtbassoc-06c42ea03f0967f18", null, at("12:08:05")),
					tuple("9c924999-9fc4-4d24-8c17-e68efd788af4", "route_table.delete", "rtb-01a1e48796093c514", null,
							at("12:08:07")),
					tuple("98730bea-ebc9-4410-acf6-83e61300af4a", "route_table.delete", "rtb-0c7c2f4aff3677054", null,
							at("12:08:07")),
					tuple("d16f4bfe-bc75-4ee3-a818-886853eb756e", "route_table.disassociate",
							"rtbassoc-0b911e98f29251a51", null, at("12:08:05")),
					tuple("a6407537-eb04-446e-9333-21ee326e4e1a", "nat_gateway.delete", "nat-03575abbac42080d9", null,
							at("12:08:07")));
	}

	@Test
	void shouldMapThePantherFixturesOfTrailsAndConfigAndQuarantineTheirPantherTimes() throws IOException {
		readResource("/realdata/panther_aws_cloudtrail_logging_test_events.jsonl");

		assertThat(this.sink.actions())
			.extracting(Action::type, Action::resource, Action::outcome, Action::errorCode, Action::agent)
			.containsExactly(
					tuple("logging.config.modify", "arn:aws:cloudtrail:us-west-2:123456789012:trail/example-trail",
							Action.Outcome.SUCCEEDED, null, "tester"),
					tuple("logging.config.modify", "arn:aws:cloudtrail:us-west-2:123456789012:trail/example-trail",
							Action.Outcome.FAILED, "InvalidTrailNameException", "tester"),
					tuple("logging.config.modify", "default", Action.Outcome.SUCCEEDED, null, "tester"),
					tuple("logging.config.modify", "default", Action.Outcome.FAILED, "NoSuchDeliveryChannelException",
							"tester"));
		assertThat(this.sink.skipped).containsExactly("StartLogging", "GetEventSelectors");
		assertThat(this.sink.notReviewed).containsExactly("PutDeliveryChannel");
		assertThat(this.sink.quarantined).extracting(RecordingSink.Quarantined::line)
			.containsExactly(4L, 5L, 10L, 11L, 12L, 13L);
		assertThat(this.sink.quarantined.get(3).reason()).startsWith("DeleteFlowLogs: bad timestamp in eventTime");
		// a write no rule covers is listed in the packs of the period it occurred in:
		// with
		// no readable time it fits none, and is quarantined (and reported once) instead
		assertThat(this.sink.quarantined.get(5).reason())
			.startsWith("ListWebACLs: a write event no rule covers (not reviewed) with bad timestamp in eventTime")
			.endsWith("it cannot be placed in a period");
	}

	static Stream<CloudTrailEvents.Entry> unconditionalEntries() {
		return CloudTrailEvents.entries().stream().filter((entry) -> entry.when() == null);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unconditionalEntries")
	void shouldMapEveryEventOfTheCatalogueFromItsSourceOntoAKnownType(CloudTrailEvents.Entry entry) throws IOException {
		String source = (entry.source() != null) ? entry.source() : "ec2.amazonaws.com";

		read(event(source, entry.name(), "{\"name\":\"n-1\",\"groupId\":\"sg-1\",\"routeTableId\":\"rtb-1\"}"));

		assertThat(this.sink.actions()).isNotEmpty().allSatisfy((action) -> {
			assertThat(ActionTypes.isKnown(action.type())).isTrue();
			assertThat(action.type().substring(0, action.type().indexOf('.')))
				.isEqualTo(entry.type().substring(0, entry.type().indexOf('.')));
		});
	}

	@Test
	void shouldNotMapAnEventNameFromAnotherSource() throws IOException {
		read(event("events.amazonaws.com", "DeleteRule", "{\"name\":\"r\"}") + "\n"
				+ event("cloudtrail.amazonaws.com", "DeleteRule", "{\"name\":\"r\"}") + "\n"
				+ event("elasticloadbalancing.amazonaws.com", "DeleteRule", "{\"ruleArn\":\"arn:rule\"}"));

		assertThat(this.sink.notReviewed).containsExactly("DeleteRule", "DeleteRule");
		assertThat(this.sink.actions()).extracting(Action::type, Action::resource)
			.containsExactly(tuple("lb.rule.remove", "arn:rule"));
	}

	@Test
	void shouldMapConditionalEventsOnlyWhenTheyShutLoggingOrMoveGroups() throws IOException {
		String elb = "elasticloadbalancing.amazonaws.com";
		read(String.join("\n",
				event(elb, "ModifyLoadBalancerAttributes",
						"{\"loadBalancerArn\":\"arn:lb/1\",\"attributes\":["
								+ "{\"key\":\"deletion_protection.enabled\",\"value\":\"false\"},"
								+ "{\"key\":\"access_logs.s3.enabled\",\"value\":\"false\"}]}"),
				event(elb, "ModifyLoadBalancerAttributes",
						"{\"loadBalancerArn\":\"arn:lb/2\",\"attributes\":["
								+ "{\"key\":\"access_logs.s3.enabled\",\"value\":\"true\"}]}"),
				event("guardduty.amazonaws.com", "UpdateDetector", "{\"detectorId\":\"d-1\",\"enable\":false}"),
				event("guardduty.amazonaws.com", "UpdateDetector", "{\"detectorId\":\"d-2\",\"enable\":true}"),
				event("ec2.amazonaws.com", "ModifyNetworkInterfaceAttribute",
						"{\"networkInterfaceId\":\"eni-1\",\"groupSet\":{\"items\":[{\"groupId\":\"sg-1\"}]}}"),
				event("ec2.amazonaws.com", "ModifyNetworkInterfaceAttribute",
						"{\"networkInterfaceId\":\"eni-2\",\"sourceDestCheck\":{\"value\":false}}")));

		assertThat(this.sink.actions()).extracting(Action::type, Action::resource)
			.containsExactly(tuple("logging.config.modify", "arn:lb/1"), tuple("logging.config.modify", "d-1"),
					tuple("security_group.attachment.modify", "eni-1"));
		assertThat(this.sink.notReviewed).containsExactly("ModifyLoadBalancerAttributes", "UpdateDetector",
				"ModifyNetworkInterfaceAttribute");
	}

	@Test
	void shouldListEveryCatalogueEntryInTheReadmeTable() throws IOException {
		List<String> rows = readmeRows();

		List<String> expected = new ArrayList<>();
		for (CloudTrailEvents.Entry entry : CloudTrailEvents.entries()) {
			expected.add("| `" + entry.name() + "` | " + ((entry.source() != null) ? "`" + entry.source() + "`" : "any")
					+ " | `" + entry.type() + "` | "
					+ ActionTypes.effect(entry.type()).name().toLowerCase(java.util.Locale.ROOT) + " |");
		}
		assertThat(rows)
			.as("README.md, table between <!-- cloudtrail-events --> markers; expected:%n%s",
					String.join("\n", expected))
			.containsExactlyElementsOf(expected);
	}

	private static List<String> readmeRows() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("<!-- cloudtrail-events -->");
		int end = readme.indexOf("<!-- /cloudtrail-events -->");
		assertThat(start).as("README marker").isNotNegative();
		return readme.substring(start, end)
			.lines()
			.filter((line) -> line.startsWith("| `"))
			.map((line) -> line.replaceAll(" \\| [^|]*\\|$", " |").strip())
			.toList();
	}

	private static java.time.Instant at(String time) {
		return java.time.Instant.parse("2023-07-10T" + time + "Z");
	}

	private static String event(String source, String name, String request) {
		return ("{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\","
				+ "\"arn\":\"arn:aws:sts::1:assumed-role/failover/failover-agent\"},"
				+ "\"eventTime\":\"2026-07-03T03:47:00Z\",\"eventSource\":\"%s\",\"eventName\":\"%s\","
				+ "\"awsRegion\":\"eu-west-1\",\"requestParameters\":%s,\"eventID\":\"e-%s\",\"readOnly\":false}")
			.formatted(source, name, request, name);
	}

	private void read(String text) throws IOException {
		new CloudTrailReader(1_048_576, new CloudTrailMapper(Map.of()))
			.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), this.sink);
	}

	private void readResource(String name) throws IOException {
		try (InputStream input = getClass().getResourceAsStream(name)) {
			new CloudTrailReader(1_048_576, new CloudTrailMapper(Map.of())).read(input, this.sink);
		}
	}

}
