package org.envelopereview.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.envelopereview.action.ingest.ActionIngester;
import org.envelopereview.action.ingest.IngestInput;
import org.envelopereview.action.ingest.IngestReport;
import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.FindingStore;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.support.DatabaseContract;
import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;
import org.envelopereview.support.TestOutput;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agents' own records reconciled with the provider's (SPEC §7), on a real CloudTrail
 * capture (Stratus Red Team, src/test/resources/realdata, SOURCES.md) moved three years
 * on into 2026-Q3 with its event ids kept. Attribution by principal is not part of this
 * branch: the provider's actions claim their envelopes through configured role mappings,
 * so their identity is rewritten to the assumed roles {@code failover-agent} and
 * {@code edge-agent}.
 */
class ReconciliationReviewTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** 2023-07-10 to 2026-07-10: the capture's day, in 2026-Q3. */
	private static final Duration MOVED = Duration.between(Instant.parse("2023-07-10T00:00:00Z"),
			Instant.parse("2026-07-10T00:00:00Z"));

	private static final String ACCOUNT = "123837392027";

	/** Opens 443 from 0.0.0.0/0; an agent record names it, saying 10.0.0.0/8. */
	private static final String JOINED = "7e96f0e7-4d78-423d-b3f5-391370685b30";

	/** Opens 22 from 0.0.0.0/0; no agent record names it. */
	private static final String UNREPORTED = "74bd84b4-6729-4895-b2a4-e2beb7c6b377";

	/** Revokes 22 under the rationale-optional envelope; no agent record names it. */
	private static final String OPTIONAL = "8733f811-267d-4c46-8e5b-000fe7c6a9f2";

	/** A change the trail recorded with a port no action can hold: quarantined. */
	private static final String QUARANTINED = "11111111-0000-4000-8000-000000000005";

	/** An id the trail does not hold. */
	private static final String MISSING = "00000000-0000-4000-8000-000000000001";

	interface Scenarios extends DatabaseContract {

		@Test
		default void shouldJudgeAJoinedPairOnceAndReportUnreportedAndUnconfirmedChanges() throws IOException {
			Jdbi jdbi = bean(Jdbi.class);
			ActionTable.clear(jdbi);
			TestOutput.emptied(context());
			Path trail = directory().resolve("trail.json");
			Files.writeString(trail, trail());
			Path agents = directory().resolve("agents.jsonl");
			Files.writeString(agents, agentRecords());
			IngestReport ingested = bean(ActionIngester.class)
				.ingest(List.of(IngestInput.file(trail), IngestInput.file(agents)), null, 1_048_576);
			assertThat(ingested.totals().quarantined()).isOne();
			// every event read counts for the covered span, read-only ones included
			List<String> coverage = jdbi.withHandle((handle) -> handle
				.createQuery("SELECT provider, account, region, first_at, last_at, events FROM provider_coverage")
				.map((row, ctx) -> row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3) + "|"
						+ row.getObject(4, OffsetDateTime.class).toInstant() + "|"
						+ row.getObject(5, OffsetDateTime.class).toInstant() + "|" + row.getLong(6))
				.list());
			assertThat(coverage)
				.containsExactly("aws|123837392027|us-east-1|2026-07-10T12:07:57Z|2026-07-10T12:13:32Z|190");

			ReviewOutcome outcome = bean(ReviewLauncher.class).run(Fixtures.Q3, null, false);
			List<Finding> findings = bean(FindingStore.class).findings(outcome.runId())
				.stream()
				.map((stored) -> stored.finding())
				.toList();

			// the joined pair: judged once, as the provider's action with the agent's
			// envelope and rationale; the provider's CIDR won, the agent's is evidence
			assertThat(findings).noneMatch((finding) -> "a-join-1".equals(finding.actionId()));
			assertThat(codes(findings, JOINED)).doesNotContain(FindingCode.OOS_RATIONALE, FindingCode.LOG_UNREPORTED,
					FindingCode.OOS_NO_ENVELOPE, FindingCode.OOS_MODEL);
			assertThat(findings).filteredOn((finding) -> JOINED.equals(finding.actionId()))
				.filteredOn((finding) -> finding.code() == FindingCode.OOS_CIDR)
				.singleElement()
				.satisfies((finding) -> {
					assertThat(finding.envelopeId()).isEqualTo("PA-RECON-001");
					assertThat(finding.evidence()).containsEntry("agentRecord", "a-join-1")
						.containsEntry("agent.cidr", "10.0.0.0/8")
						.containsEntry("rationale.signal", "ticket INC-4711");
				});

			// a provider change under a rationale-required envelope that no agent
			// reported
			assertThat(codes(findings, UNREPORTED)).contains(FindingCode.LOG_UNREPORTED)
				.doesNotContain(FindingCode.OOS_RATIONALE);
			assertThat(findings).filteredOn((finding) -> finding.code() == FindingCode.LOG_UNREPORTED)
				.singleElement()
				.satisfies((finding) -> assertThat(finding.explanation()).isEqualTo(UNREPORTED
						+ " (sg-04cfb7a4712d75b00): aws recorded security_group.ingress.add by "
						+ "arn:aws:iam::123837392027:role/failover-agent in account 123837392027 (event " + UNREPORTED
						+ ") under envelope PA-RECON-001, which requires a rationale; no agent record names this event"));

			// rationale: optional: neither code, for the provider's change nor the
			// agent's
			assertThat(codes(findings, OPTIONAL)).doesNotContain(FindingCode.LOG_UNREPORTED, FindingCode.OOS_RATIONALE);
			assertThat(codes(findings, "a-optional-1")).doesNotContain(FindingCode.OOS_RATIONALE);

			// an agent's claim inside the span the trail covers, with no such event
			assertThat(findings).filteredOn((finding) -> finding.code() == FindingCode.LOG_UNCONFIRMED)
				.singleElement()
				.satisfies((finding) -> {
					assertThat(finding.actionId()).isEqualTo("a-claim-1");
					assertThat(finding.explanation()).isEqualTo("a-claim-1 (sg-04cfb7a4712d75b00): failover-agent "
							+ "recorded security_group.ingress.add as provider event " + MISSING
							+ " (principal arn:aws:iam::123837392027:role/failover-agent, account 123837392027), "
							+ "which the provider log does not contain although it covers us-east-1 in account "
							+ "123837392027 from 2026-07-10T12:07:57Z to 2026-07-10T12:13:32Z");
				});
			// near misses: outside every covered span, a failed attempt, another region
			assertThat(codes(findings, "a-claim-late")).doesNotContain(FindingCode.LOG_UNCONFIRMED);
			assertThat(codes(findings, "a-claim-failed")).doesNotContain(FindingCode.LOG_UNCONFIRMED);
			assertThat(codes(findings, "a-claim-elsewhere")).doesNotContain(FindingCode.LOG_UNCONFIRMED);
			// the event exists, though it could not be read: confirmed
			assertThat(codes(findings, "a-claim-quarantined")).doesNotContain(FindingCode.LOG_UNCONFIRMED);
		}

	}

	private static Set<FindingCode> codes(List<Finding> findings, String actionId) {
		return findings.stream()
			.filter((finding) -> actionId.equals(finding.actionId()))
			.map(Finding::code)
			.collect(java.util.stream.Collectors.toSet());
	}

	/**
	 * Two real trail files of one account and region, every event moved into 2026-Q3: the
	 * read-only ones too, so that the covered span is the files' (12:07:57 to 12:13:32).
	 */
	static String trail() throws IOException {
		ObjectNode file = JSON.createObjectNode();
		ArrayNode records = file.putArray("Records");
		for (String name : List.of("218007301253_CloudTrail_us-east-1_20230710T1215Z_YMDRJwtmC82bUwAo.json",
				"218007301253_CloudTrail_us-east-1_20230710T1215Z_P0WZuP2zvLW2RcUo.json")) {
			for (JsonNode record : JSON.readTree(resource(name)).path("Records")) {
				ObjectNode moved = (ObjectNode) record.deepCopy();
				moved.put("eventTime", Instant.parse(record.path("eventTime").asString()).plus(MOVED).toString());
				String id = record.path("eventID").asString();
				if (JOINED.equals(id) || UNREPORTED.equals(id)) {
					moved.set("userIdentity", assumedRole("failover-agent"));
				}
				else if (OPTIONAL.equals(id)) {
					moved.set("userIdentity", assumedRole("edge-agent"));
				}
				records.add(moved);
				if (UNREPORTED.equals(id)) {
					ObjectNode unreadable = moved.deepCopy();
					unreadable.put("eventID", QUARANTINED);
					((ObjectNode) unreadable.path("requestParameters")).put("fromPort", 99999).put("toPort", 99999);
					records.add(unreadable);
				}
			}
		}
		return file.toString();
	}

	private static JsonNode assumedRole(String role) {
		ObjectNode identity = JSON.createObjectNode();
		identity.put("type", "AssumedRole");
		identity.put("principalId", "AROAEXAMPLE:" + role);
		identity.put("arn", "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/" + role);
		identity.put("accountId", ACCOUNT);
		ObjectNode issuer = identity.putObject("sessionContext").putObject("sessionIssuer");
		issuer.put("type", "Role");
		issuer.put("arn", "arn:aws:iam::" + ACCOUNT + ":role/" + role);
		issuer.put("accountId", ACCOUNT);
		issuer.put("userName", role);
		return identity;
	}

	static String agentRecords() {
		String principal = "arn:aws:iam::" + ACCOUNT + ":role/failover-agent";
		return String.join("\n",
				agentRecord("a-join-1", "2026-07-10T12:10:04Z", "PA-RECON-001", "security_group.ingress.add",
						"10.0.0.0/8", "us-east-1", JOINED, "succeeded", Map.of("principal", principal)),
				agentRecord("a-claim-1", "2026-07-10T12:11:00Z", "PA-RECON-001", "security_group.ingress.add",
						"10.0.0.0/8", "us-east-1", MISSING, "succeeded", Map.of("principal", principal)),
				agentRecord("a-claim-late", "2026-07-10T15:00:00Z", "PA-RECON-001", "security_group.ingress.add",
						"10.0.0.0/8", "us-east-1", "00000000-0000-4000-8000-000000000002", "succeeded", Map.of()),
				agentRecord("a-claim-failed", "2026-07-10T12:11:30Z", "PA-RECON-001", "security_group.ingress.add",
						"10.0.0.0/8", "us-east-1", "00000000-0000-4000-8000-000000000003", "failed",
						Map.of("errorCode", "Client.UnauthorizedOperation")),
				agentRecord("a-claim-elsewhere", "2026-07-10T12:11:40Z", "PA-RECON-001", "security_group.ingress.add",
						"10.0.0.0/8", "eu-west-1", "00000000-0000-4000-8000-000000000004", "succeeded", Map.of()),
				agentRecord("a-claim-quarantined", "2026-07-10T12:11:50Z", "PA-RECON-001", "security_group.ingress.add",
						"10.0.0.0/8", "us-east-1", QUARANTINED, "succeeded", Map.of()),
				"{\"id\":\"a-optional-1\",\"occurredAt\":\"2026-07-10T12:20:00Z\",\"agent\":\"edge-agent\","
						+ "\"envelope\":\"PA-OPTIONAL-002\",\"type\":\"security_group.ingress.remove\","
						+ "\"resource\":\"sg-04cfb7a4712d75b00\",\"region\":\"us-east-1\"}")
				+ "\n";
	}

	private static String agentRecord(String id, String at, String envelope, String type, String cidr, String region,
			String eventId, String outcome, Map<String, String> extra) {
		ObjectNode record = JSON.createObjectNode();
		record.put("id", id);
		record.put("occurredAt", at);
		record.put("agent", "failover-agent");
		record.put("modelVersion", "orchestrator-2.3.1");
		record.put("envelope", envelope);
		record.put("type", type);
		record.put("resource", "sg-04cfb7a4712d75b00");
		record.put("region", region);
		record.put("protocol", "tcp");
		record.put("ports", "443");
		record.put("cidr", cidr);
		ObjectNode rationale = record.putObject("rationale");
		rationale.put("signal", "ticket INC-4711");
		rationale.put("text", "partner integration");
		rationale.put("confidence", 0.91);
		record.put("outcome", outcome);
		record.put("providerEventId", eventId);
		record.put("account", ACCOUNT);
		extra.forEach(record::put);
		return record.toString();
	}

	private static String resource(String name) throws IOException {
		try (InputStream input = ReconciliationReviewTests.class.getResourceAsStream("/realdata/" + name)) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Nested
	@TestPropertySource(properties = { "review.envelopes-dir=target/test-classes/review/reconciliation-envelopes",
			"review.ingest.role-envelopes.failover-agent=PA-RECON-001",
			"review.ingest.role-envelopes.edge-agent=PA-OPTIONAL-002" })
	class OnH2 extends H2IntegrationTest implements Scenarios {

	}

	@Nested
	@TestPropertySource(properties = { "review.envelopes-dir=target/test-classes/review/reconciliation-envelopes",
			"review.ingest.role-envelopes.failover-agent=PA-RECON-001",
			"review.ingest.role-envelopes.edge-agent=PA-OPTIONAL-002" })
	class OnPostgres extends PostgresIntegrationTest implements Scenarios {

	}

}
