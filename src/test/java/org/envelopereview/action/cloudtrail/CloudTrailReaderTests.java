package org.envelopereview.action.cloudtrail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.envelopereview.action.Action;
import org.envelopereview.action.ingest.RecordingSink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The CloudTrail mapping, asserted on real CloudTrail samples
 * (src/test/resources/realdata, see SOURCES.md there) and on small fixtures of our own.
 */
class CloudTrailReaderTests {

	private static final String INVICTUS = "/realdata/218007301253_CloudTrail_us-east-1_20230710T1215Z_";

	private final RecordingSink sink = new RecordingSink();

	@Test
	void shouldMapTheTerraformAndTheSdkShapesOfAuthorizeSecurityGroupIngress() throws IOException {
		readResource(INVICTUS + "YMDRJwtmC82bUwAo.json");

		assertThat(this.sink.actions())
			.filteredOn((action) -> Set.of("security_group.ingress.add", "route.remove").contains(action.type()))
			.extracting(Action::id, Action::type, Action::resource, Action::protocol, Action::ports, Action::cidr)
			.containsExactly(
					tuple("7e96f0e7-4d78-423d-b3f5-391370685b30", "security_group.ingress.add", "sg-04cfb7a4712d75b00",
							"tcp", "443", "0.0.0.0/0"),
					tuple("74bd84b4-6729-4895-b2a4-e2beb7c6b377", "security_group.ingress.add", "sg-04cfb7a4712d75b00",
							"tcp", "22", "0.0.0.0/0"),
					tuple("91a712f8-7d85-45cb-b291-3d0bde9c686e", "route.remove", "rtb-08cbc80e25a39c743", null, null,
							"0.0.0.0/0"));
		assertThat(this.sink.actions()).allSatisfy((action) -> {
			assertThat(action.agent()).isEqualTo("bert-jan");
			assertThat(action.region()).isEqualTo("us-east-1");
			assertThat(action.envelopeId()).isNull();
			assertThat(action.modelVersion()).isNull();
			assertThat(action.outcome()).isEqualTo(Action.Outcome.SUCCEEDED);
		});
		assertThat(this.sink.actions().get(3).occurredAt()).isEqualTo(Instant.parse("2023-07-10T12:10:05Z"));
		assertThat(this.sink.skipped).hasSize(86);
		assertThat(this.sink.notReviewed).hasSize(60).contains("CreateVpc", "DeleteSubnet", "StartLogging");
		assertThat(this.sink.quarantined).isEmpty();
	}

	@Test
	void shouldGiveOneActionPerCidrOfAPermissionNumberedAfterTheEventId() throws IOException {
		readResource(INVICTUS + "P0WZuP2zvLW2RcUo.json");

		assertThat(this.sink.accepted).hasSize(3);
		assertThat(this.sink.actions()).filteredOn((action) -> action.type().startsWith("security_group."))
			.extracting(Action::id, Action::type, Action::protocol, Action::ports, Action::cidr)
			.containsExactly(
					tuple("914469fc-c658-434c-a560-0219c0ac3b55#1", "security_group.egress.add", "all", null,
							"0.0.0.0/0"),
					tuple("914469fc-c658-434c-a560-0219c0ac3b55#2", "security_group.egress.add", "all", null, "::/0"),
					tuple("8733f811-267d-4c46-8e5b-000fe7c6a9f2", "security_group.ingress.remove", "tcp", "22",
							"0.0.0.0/0"));
		assertThat(this.sink.skipped).hasSize(27);
		assertThat(this.sink.notReviewed).containsExactlyInAnyOrder("DeleteNetworkInterface", "DeleteRole",
				"RegisterImage");
	}

	@Test
	void shouldRecordAnEventWithAnErrorCodeAsAFailedAttempt() throws IOException {
		readResource(INVICTUS + "Z8x5aqgtcXn5NEG9.json");

		assertThat(this.sink.actions()).filteredOn((action) -> action.cidr() != null)
			.extracting(Action::id, Action::type, Action::outcome, Action::errorCode, Action::cidr)
			.containsExactly(
					tuple("42c3428c-7389-42d1-9365-fcf6e3695459", "route.remove", Action.Outcome.SUCCEEDED, null,
							"0.0.0.0/0"),
					tuple("5966ab0e-411b-402f-81a9-d638a8c71a53", "security_group.egress.remove", Action.Outcome.FAILED,
							"Client.InvalidPermission.NotFound", "::/0"));
	}

	@Test
	void shouldNumberEventsOfARecordsFileByTheLineTheyStartOn() throws IOException {
		String file = """
				{"Records": [
				  %s,
				  %s
				]}
				""".formatted(
				event("CreateRoute", "e-1", "{\"routeTableId\":\"rtb-1\",\"destinationCidrBlock\":\"10.1.0.0/16\"}"),
				event("DeleteRoute", "e-2", "{\"routeTableId\":\"rtb-1\",\"destinationCidrBlock\":\"10.1.0.0/16\"}"));

		read(file);

		assertThat(this.sink.lines()).containsExactly(2L, 3L);
	}

	@Test
	void shouldMapPantherFixturesOfNetworkAclEntriesAndRoutes() throws IOException {
		List<String> lines = lines("/realdata/panther_aws_cloudtrail_test_events.jsonl");

		read(lines.get(17));
		read(lines.get(10));
		read(lines.get(9));

		assertThat(this.sink.actions())
			.extracting(Action::id, Action::agent, Action::type, Action::resource, Action::protocol, Action::ports,
					Action::cidr, Action::outcome)
			.containsExactly(
					tuple("1111", "example-user", "nacl.entry.add", "acl-1111", "tcp", "700-702", "0.0.0.0/0",
							Action.Outcome.SUCCEEDED),
					tuple("1", "tester", "route.add", "rtb-1", null, null, "0.0.0.0/0", Action.Outcome.SUCCEEDED),
					tuple("1", "tester", "nacl.entry.add", "acl-1", "all", null, "0.0.0.0/0", Action.Outcome.FAILED));
	}

	@Test
	void shouldTakeTheAgentFromTheAssumedRoleSessionName() throws IOException {
		List<String> lines = lines("/realdata/panther_aws_cloudtrail_test_events.jsonl");

		read(lines.get(4));

		assertThat(this.sink.actions()).extracting(Action::agent, Action::type, Action::protocol, Action::cidr)
			.containsExactly(tuple("ryan@example.com", "security_group.egress.add", "all", "0.0.0.0/0"));
		assertThat(this.sink.actions().get(0).provenance()).isEqualTo(new Action.Provenance("aws",
				"arn:aws:iam::112233445566:role/Operator", "112233445566", "1a593035-e072-49c4-8c72-4ff35e195330",
				"aws-sdk-go/1.29.7 (go1.13.7; darwin; amd64) APN/1.0 HashiCorp/1.0 Terraform/0.12.24 "
						+ "(+https://www.terraform.io)",
				"100.1.114.142"));
	}

	@Test
	void shouldTakeAnIamUsersArnAsThePrincipalAndTheRecipientAccount() throws IOException {
		readResource(INVICTUS + "YMDRJwtmC82bUwAo.json");

		assertThat(this.sink.actions()).filteredOn((action) -> action.id().startsWith("7e96f0e7"))
			.singleElement()
			.satisfies((action) -> {
				assertThat(action.provenance().principal()).isEqualTo("arn:aws:iam::123837392027:user/bert-jan");
				assertThat(action.provenance().account()).isEqualTo("123837392027");
				assertThat(action.provenance().providerEventId()).isEqualTo("7e96f0e7-4d78-423d-b3f5-391370685b30");
				assertThat(action.provenance().sourceIp()).isEqualTo("192.168.10.20");
				assertThat(action.provenance().userAgent()).startsWith("APN/1.0 HashiCorp/1.0 Terraform/1.1.2")
					.endsWith("HashiCorp-terraform-exec/0.17.3");
				assertThat(action.providerRecorded()).isTrue();
			});
	}

	@Test
	void shouldQuarantineAnEventWhoseTimeIsNotIso8601() throws IOException {
		List<String> lines = lines("/realdata/panther_aws_cloudtrail_test_events.jsonl");

		read(lines.get(2));

		assertThat(this.sink.quarantined).singleElement().satisfies((bad) -> {
			assertThat(bad.reason()).isEqualTo("AuthorizeSecurityGroupIngress: bad timestamp in eventTime: "
					+ "'2021-01-24 04:55:45.000' is not ISO-8601 with an offset or Z (e.g. 2026-07-03T03:47:00Z)");
			assertThat(bad.recordId()).isEqualTo("504b492f-7832-406b-a4fd-45a13e48adc4");
		});
	}

	@Test
	void shouldSkipOtherEventNamesAndCountThem() throws IOException {
		readResource("/realdata/ec2_proxy_s3_exfiltration_2020-09-14011940.json");

		assertThat(this.sink.accepted).isEmpty();
		assertThat(this.sink.quarantined).isEmpty();
		assertThat(this.sink.skipped).hasSize(103).filteredOn("DescribeSecurityGroups"::equals).hasSize(1);
	}

	@Test
	void shouldReadTheLookupEventsShapeWhereTheEventIsAJsonString() throws IOException {
		readResource("/realdata/aws_cloudtrail_lookupevents.jsonl");

		assertThat(this.sink.skipped).containsExactly("DescribeInstances");
		assertThat(this.sink.notReviewed).containsExactly("TerminateInstances", "StopInstances",
				"SharedSnapshotVolumeCreated", "RunInstances");
		assertThat(this.sink.actions()).extracting(Action::id, Action::type, Action::resource, Action::agent)
			.containsExactly(tuple("c91c963c-d149-4dc5-9e4a-830da763cf7b", "security_group.create",
					"sg-01234567890123456", "fakeusername"));
		assertThat(this.sink.quarantined).isEmpty();
	}

	@Test
	void shouldTakeTheEnvelopeFromTheSessionTagOfTheAssumeRoleThatIssuedTheKey() throws IOException {
		String assumeRole = """
				{"eventName":"AssumeRole","eventID":"r-1","eventTime":"2026-07-03T03:40:00Z",\
				"userIdentity":{"type":"AWSService","invokedBy":"ec2.amazonaws.com"},\
				"requestParameters":{"roleArn":"arn:aws:iam::1:role/failover","roleSessionName":"failover-agent",\
				"tags":[{"key":"envelope-id","value":"PA-FAILOVER-007"}]},\
				"responseElements":{"credentials":{"accessKeyId":"ASIATAGGED"},\
				"assumedRoleUser":{"arn":"arn:aws:sts::1:assumed-role/failover/failover-agent"}}}""";
		String tagged = event("CreateRoute", "e-1",
				"{\"routeTableId\":\"rtb-1\",\"destinationCidrBlock\":\"10.1.0.0/16\"}");
		String untagged = tagged.replace("ASIATAGGED", "ASIAOTHER")
			.replace("\"e-1\"", "\"e-2\"")
			.replace("failover/failover-agent", "failover/other-agent");

		read(assumeRole + "\n" + tagged + "\n" + untagged);

		assertThat(this.sink.actions()).extracting(Action::id, Action::agent, Action::envelopeId)
			.containsExactly(tuple("e-1", "failover-agent", "PA-FAILOVER-007"), tuple("e-2", "other-agent", null));
		assertThat(this.sink.skipped).containsExactly("AssumeRole");
	}

	@Test
	void shouldTakeTheEnvelopeOfTheRoleFromConfigurationWhenNoSessionTagNamesOne() throws IOException {
		String event = event("CreateRoute", "e-1",
				"{\"routeTableId\":\"rtb-1\",\"destinationCidrBlock\":\"10.1.0.0/16\"}");

		read(event, Map.of("failover", "PA-FAILOVER-007", "other", "NOT-THIS"));

		assertThat(this.sink.actions()).extracting(Action::envelopeId).containsExactly("PA-FAILOVER-007");
	}

	@Test
	void shouldMapEveryPermissionOfASecurityGroupEventWithIpv6AndPortRanges() throws IOException {
		String request = """
				{"groupId":"sg-9","ipPermissions":{"items":[
				 {"ipProtocol":"tcp","fromPort":8443,"toPort":8444,"ipRanges":{"items":[{"cidrIp":"10.0.0.0/16"},{"cidrIp":"10.1.0.0/16"}]},"ipv6Ranges":{"items":[{"cidrIpv6":"2001:db8::/32"}]}},
				 {"ipProtocol":"udp","fromPort":53,"toPort":53,"groups":{"items":[{"groupId":"sg-1"}]}},
				 {"ipProtocol":"icmp","fromPort":-1,"toPort":-1,"ipRanges":{"items":[{"cidrIp":"10.2.0.0/16"}]}}]}}"""
			.replace("\n", "");

		read(event("AuthorizeSecurityGroupIngress", "e-9", request));

		assertThat(this.sink.accepted).hasSize(1);
		assertThat(this.sink.actions()).extracting(Action::id, Action::protocol, Action::ports, Action::cidr)
			.containsExactly(tuple("e-9#1", "tcp", "8443-8444", "10.0.0.0/16"),
					tuple("e-9#2", "tcp", "8443-8444", "10.1.0.0/16"),
					tuple("e-9#3", "tcp", "8443-8444", "2001:db8::/32"), tuple("e-9#4", "udp", "53", null),
					tuple("e-9#5", "icmp", null, "10.2.0.0/16"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "AuthorizeSecurityGroupIngress, security_group.ingress.add",
			"AuthorizeSecurityGroupEgress, security_group.egress.add",
			"RevokeSecurityGroupIngress, security_group.ingress.remove",
			"RevokeSecurityGroupEgress, security_group.egress.remove", "CreateNetworkAclEntry, nacl.entry.add",
			"ReplaceNetworkAclEntry, nacl.entry.replace", "DeleteNetworkAclEntry, nacl.entry.remove",
			"CreateRoute, route.add", "ReplaceRoute, route.replace", "DeleteRoute, route.remove",
			"ChangeResourceRecordSets, dns.record.upsert", "ModifyListener, lb.listener.modify",
			"ModifyRule, lb.listener.modify", "ModifySecurityGroupRules, security_group.ingress.add" })
	void shouldMapEveryNetworkEventNameOntoItsCanonicalType(String eventName, String type) throws IOException {
		read(event(eventName, "e-1", "{}"));

		assertThat(this.sink.actions()).extracting(Action::type).containsExactly(type);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "CreateVpc", "AuthorizeDBSecurityGroupIngress", "ModifyLoadBalancerAttributes", "CreateTrail",
			"authorizesecuritygroupingress" })
	void shouldCountAWriteEventThatIsNotMappedAsNotReviewedEvenWhenItLooksAlike(String eventName) throws IOException {
		read(event(eventName, "e-1", "{\"groupId\":\"sg-1\",\"cidrIp\":\"0.0.0.0/0\"}"));

		assertThat(this.sink.accepted).isEmpty();
		assertThat(this.sink.skipped).isEmpty();
		assertThat(this.sink.notReviewed).containsExactly(eventName);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "DescribeSecurityGroups", "GetEventSelectors", "AssumeRole" })
	void shouldSkipAReadOnlyEvent(String eventName) throws IOException {
		read(event(eventName, "e-1", "{\"groupId\":\"sg-1\"}"));

		assertThat(this.sink.accepted).isEmpty();
		assertThat(this.sink.notReviewed).isEmpty();
		assertThat(this.sink.skipped).containsExactly(eventName);
	}

	@Test
	void shouldTrustTheReadOnlyFlagOverTheName() throws IOException {
		read(event("GetThing", "e-1", "{}").replace("{\"eventVersion\"", "{\"readOnly\":false,\"eventVersion\"") + "\n"
				+ event("PutThing", "e-2", "{}").replace("{\"eventVersion\"", "{\"readOnly\":true,\"eventVersion\""));

		assertThat(this.sink.notReviewed).containsExactly("GetThing");
		assertThat(this.sink.skipped).containsExactly("PutThing");
	}

	@Test
	void shouldMapRoute53RecordChangesOnePerRecordSet() throws IOException {
		String request = """
				{"hostedZoneId":"Z1","changeBatch":{"changes":[
				 {"action":"CREATE","resourceRecordSet":{"name":"api.example.com.","type":"A"}},
				 {"action":"UPSERT","resourceRecordSet":{"name":"www.example.com.","type":"CNAME"}},
				 {"action":"DELETE","resourceRecordSet":{"name":"old.example.com.","type":"A"}}]}}""".replace("\n", "");

		read(event("ChangeResourceRecordSets", "e-53", request));

		assertThat(this.sink.actions()).extracting(Action::id, Action::type, Action::resource)
			.containsExactly(tuple("e-53#1", "dns.record.upsert", "api.example.com"),
					tuple("e-53#2", "dns.record.upsert", "www.example.com"),
					tuple("e-53#3", "dns.record.delete", "old.example.com"));
	}

	@Test
	void shouldMapListenerAndRuleChangesOfLoadBalancers() throws IOException {
		read(event("ModifyListener", "e-l",
				"{\"listenerArn\":\"arn:aws:elasticloadbalancing:eu-west-1:1:listener/app/x/1/2\",\"port\":8443,\"protocol\":\"HTTPS\"}")
				+ "\n" + event("ModifyRule", "e-r",
						"{\"ruleArn\":\"arn:aws:elasticloadbalancing:eu-west-1:1:listener-rule/app/x/1/2/3\"}"));

		assertThat(this.sink.actions()).extracting(Action::type, Action::protocol, Action::ports)
			.containsExactly(tuple("lb.listener.modify", "https", "8443"), tuple("lb.listener.modify", null, null));
	}

	@Test
	void shouldMapModifySecurityGroupRules() throws IOException {
		String request = """
				{"ModifySecurityGroupRulesRequest":{"GroupId":"sg-5","SecurityGroupRule":{"SecurityGroupRuleId":"sgr-1",\
				"SecurityGroupRule":{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"CidrIpv4":"0.0.0.0/0"}}}}""";

		read(event("ModifySecurityGroupRules", "e-m", request));

		assertThat(this.sink.actions()).extracting(Action::type, Action::resource, Action::ports, Action::cidr)
			.containsExactly(tuple("security_group.ingress.add", "sg-5", "22", "0.0.0.0/0"));
	}

	@Test
	void shouldQuarantineAnEventWithABadCidrNamingTheChange() throws IOException {
		String request = "{\"groupId\":\"sg-9\",\"ipPermissions\":{\"items\":[{\"ipProtocol\":\"tcp\",\"fromPort\":22,"
				+ "\"toPort\":22,\"ipRanges\":{\"items\":[{\"cidrIp\":\"10.0.0.0/16\"},{\"cidrIp\":\"10.0.0.999/16\"}]}}]}}";

		read(event("AuthorizeSecurityGroupIngress", "e-bad", request));

		assertThat(this.sink.accepted).isEmpty();
		assertThat(this.sink.quarantined).singleElement()
			.extracting(RecordingSink.Quarantined::reason)
			.isEqualTo("AuthorizeSecurityGroupIngress: bad CIDR in cidr: '10.0.0.999/16' is not an IPv4 or IPv6 "
					+ "prefix (change 2 of 2)");
	}

	@Test
	void shouldNormaliseAProviderCidrWithHostBitsAndKeepTheRecordedText() throws IOException {
		String request = "{\"groupId\":\"sg-9\",\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,"
				+ "\"cidrIp\":\"208.236.235.254/0\"}";

		read(event("AuthorizeSecurityGroupIngress", "e-host", request) + "\n"
				+ event("AuthorizeSecurityGroupIngress", "e-v6",
						request.replace("cidrIp\":\"208.236.235.254/0", "cidrIpv6\":\"2001:db8::1/32"))
				+ "\n" + event("AuthorizeSecurityGroupIngress", "e-clean",
						request.replace("208.236.235.254/0", "10.0.0.0/8")));

		assertThat(this.sink.quarantined).isEmpty();
		assertThat(this.sink.actions()).extracting(Action::id, Action::cidr, Action::recordedCidr)
			.containsExactly(tuple("e-host", "0.0.0.0/0", "208.236.235.254/0"),
					tuple("e-v6", "2001:db8::/32", "2001:db8::1/32"), tuple("e-clean", "10.0.0.0/8", null));
	}

	@Test
	void shouldQuarantineAnEventWithoutAnId() throws IOException {
		read(event("CreateRoute", "e-1", "{\"routeTableId\":\"rtb-1\"}").replace(",\"eventID\":\"e-1\"", ""));

		assertThat(this.sink.quarantined).singleElement()
			.extracting(RecordingSink.Quarantined::reason)
			.isEqualTo("CreateRoute: missing eventID");
	}

	@Test
	void shouldQuarantineALineThatIsNotACloudTrailEventAfterTheFirst() throws IOException {
		read(event("DeleteRoute", "e-1", "{\"routeTableId\":\"rtb-1\"}") + "\n{\"hello\":\"world\"}");

		assertThat(this.sink.quarantined).singleElement().satisfies((bad) -> {
			assertThat(bad.line()).isEqualTo(2);
			assertThat(bad.reason()).isEqualTo("missing eventName: not a CloudTrail event");
		});
		assertThat(this.sink.actions()).hasSize(1);
	}

	@Test
	void shouldQuarantineTheRestOfARecordsFileFromASyntaxError() throws IOException {
		String file = "{\"Records\": [\n" + event("DeleteRoute", "e-1", "{\"routeTableId\":\"rtb-1\"}")
				+ ",\n{\"eventName\": }\n]}";

		read(file);

		assertThat(this.sink.actions()).hasSize(1);
		assertThat(this.sink.quarantined).singleElement().satisfies((bad) -> {
			assertThat(bad.line()).isEqualTo(3);
			assertThat(bad.reason()).startsWith("not valid JSON from here to the end of the file");
		});
	}

	@Test
	void shouldQuarantineAnEventOfARecordsFileLongerThanTheLimitAndReadTheNext() throws IOException {
		String longRequest = "{\"routeTableId\":\"rtb-1\",\"note\":\"" + "x".repeat(2000) + "\"}";
		String file = "{\"Records\": [\n" + event("CreateRoute", "e-1", longRequest) + ",\n"
				+ event("DeleteRoute", "e-2", "{\"routeTableId\":\"rtb-1\"}") + "\n]}";

		new CloudTrailReader(1000, new CloudTrailMapper(Map.of()))
			.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), this.sink);

		assertThat(this.sink.actions()).extracting(Action::id).containsExactly("e-2");
		assertThat(this.sink.quarantined).singleElement().satisfies((bad) -> {
			assertThat(bad.line()).isEqualTo(2);
			assertThat(bad.reason())
				.matches("record is \\d+ bytes, longer than the limit of 1000 \\(--max-record-bytes\\)");
			assertThat(bad.raw()).startsWith("{\"eventVersion\":\"1.08\"").contains("\"eventID\":\"e-1\"");
		});
	}

	/** An event by an assumed-role session failover-agent of role failover. */
	private static String event(String name, String id, String request) {
		return ("{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROA:failover-agent\","
				+ "\"arn\":\"arn:aws:sts::1:assumed-role/failover/failover-agent\",\"accessKeyId\":\"ASIATAGGED\","
				+ "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"userName\":\"failover\"}}},"
				+ "\"eventTime\":\"2026-07-03T03:47:00Z\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"%s\","
				+ "\"awsRegion\":\"eu-west-1\",\"requestParameters\":%s,\"eventID\":\"%s\"}")
			.formatted(name, request, id);
	}

	private void read(String text) throws IOException {
		read(text, Map.of());
	}

	private void read(String text, Map<String, String> roleEnvelopes) throws IOException {
		new CloudTrailReader(1_048_576, new CloudTrailMapper(roleEnvelopes))
			.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), this.sink);
	}

	private void readResource(String name) throws IOException {
		try (InputStream input = getClass().getResourceAsStream(name)) {
			new CloudTrailReader(1_048_576, new CloudTrailMapper(Map.of())).read(input, this.sink);
		}
	}

	private List<String> lines(String name) throws IOException {
		try (InputStream input = getClass().getResourceAsStream(name)) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

}
