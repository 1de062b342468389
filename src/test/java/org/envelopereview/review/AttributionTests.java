package org.envelopereview.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
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
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.support.DatabaseContract;
import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;
import org.envelopereview.support.TestOutput;
import org.envelopereview.system.ReviewPaths;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.ActionBuilder.action;

/**
 * Attribution at review time (SPEC §7): actions that claim no envelope are judged under
 * the envelope whose {@code principals} match their principal, as the envelope files say
 * on each run. The actions are real CloudTrail captures (src/test/resources/realdata,
 * SOURCES.md): an IAM user of a Stratus Red Team detonation opening TLS and SSH to the
 * world, moved into the reviewed quarter.
 */
class AttributionTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final String USER = "arn:aws:iam::123837392027:user/bert-jan";

	static final String TLS = "NS-STRATUS-TLS";

	static final String SSH = "NS-STRATUS-SSH";

	interface Scenarios extends DatabaseContract {

		@BeforeEach
		default void emptyHistoryAndEnvelopes() throws IOException {
			ActionTable.clear(bean(Jdbi.class));
			TestOutput.emptied(context());
			Path envelopes = envelopesDir();
			Files.createDirectories(envelopes);
			try (Stream<Path> files = Files.list(envelopes)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			Files.copy(ReviewScenario.envelopesDir().resolve("boards.yaml"), envelopes.resolve("boards.yaml"));
		}

		@Test
		default void shouldAttributeHistoryOnTheNextRunAfterTheEnvelopeGainsPrincipalsWithNoReingest()
				throws IOException {
			writeEnvelope(TLS, "443", null);
			ingest(tlsOpened());

			ReviewOutcome before = run();
			List<Finding> beforeFindings = findings(before);
			assertThat(codesOf(beforeFindings, "ct-tls-1")).containsExactly(FindingCode.OOS_NO_ENVELOPE);
			assertThat(dormant(beforeFindings)).containsExactly(TLS);

			// near misses: a bare name is the whole role or user name, a qualified
			// pattern the whole principal
			writeEnvelope(TLS, "443",
					"[bert, \"arn:aws:iam::*:user/bert-jan-*\", \"arn:aws:iam::123837392027:user/bert\"]");
			List<Finding> nearMiss = findings(run());
			assertThat(codesOf(nearMiss, "ct-tls-1")).containsExactly(FindingCode.OOS_NO_ENVELOPE);
			assertThat(dormant(nearMiss)).containsExactly(TLS);

			writeEnvelope(TLS, "443", "[bert-jan]");
			ReviewOutcome after = run();
			List<Finding> afterFindings = findings(after);
			assertThat(afterFindings).filteredOn((finding) -> "ct-tls-1".equals(finding.actionId()))
				.isNotEmpty()
				.allSatisfy((finding) -> {
					assertThat(finding.code()).isNotIn(FindingCode.OOS_NO_ENVELOPE, FindingCode.OOS_AGENT);
					assertThat(finding.envelopeId()).isEqualTo(TLS);
					assertThat(finding.boardId()).isEqualTo(Fixtures.NETWORK);
					assertThat(finding.evidence()).containsEntry("principal", USER)
						.containsEntry("account", "123837392027");
				});
			assertThat(dormant(afterFindings)).isEmpty();
			assertThat(attributions()).containsExactly(Map.entry("ct-tls-1", TLS));
			assertThat(findings(before)).as("the earlier run's findings stay as they were")
				.containsExactlyElementsOf(beforeFindings);
			long sources = bean(Jdbi.class).withHandle(
					(handle) -> handle.createQuery("SELECT COUNT(*) FROM ingest_source").mapTo(Long.class).one());
			assertThat(sources).as("no re-ingest").isEqualTo(1);

			// and taken back when the file no longer names the user
			writeEnvelope(TLS, "443", null);
			assertThat(codesOf(findings(run()), "ct-tls-1")).containsExactly(FindingCode.OOS_NO_ENVELOPE);
			assertThat(attributions()).containsExactly(Map.entry("ct-tls-1", "-"));
		}

		@Test
		default void shouldGiveEachActionOfAPrincipalTwoEnvelopesNameToTheOneItFitsBestAndLeaveClaimsAlone()
				throws IOException {
			writeEnvelope(TLS, "443", "[\"arn:aws:iam::123837392027:user/*\"]");
			writeEnvelope(SSH, "22", "[bert-jan]");
			ingest(tlsOpened(), sshOpened());
			// the user's SSH rule as a session tag claimed it for the TLS envelope
			ActionTable.insert(bean(Jdbi.class), List.of(
					action().id("ct-claimed-1")
						.agent("stratus-session")
						.at("2026-07-10T10:20:00Z")
						.recordedBy("aws", USER, "123837392027", "ct-claimed-1")
						.envelope(TLS)
						.resource("sg-04cfb7a4712d75b00")
						.region("us-east-1")
						.cidr("0.0.0.0/0")
						.ports("22")
						.build(),
					action().id("ct-claimed-2")
						.agent("i-06815aa7cf7d21f8f")
						.at("2026-07-10T10:30:00Z")
						.recordedBy("aws", "arn:aws:iam::999999999999:role/intruder", "999999999999", "ct-claimed-2")
						.envelope(TLS)
						.resource("sg-04cfb7a4712d75b00")
						.region("us-east-1")
						.cidr("0.0.0.0/0")
						.ports("443")
						.build()));

			List<Finding> findings = findings(run());

			assertThat(attributions()).containsExactly(Map.entry("ct-claimed-1", TLS), Map.entry("ct-claimed-2", TLS),
					Map.entry("ct-ssh-1", SSH), Map.entry("ct-tls-1", TLS));
			assertThat(findings).filteredOn((finding) -> "ct-ssh-1".equals(finding.actionId()))
				.extracting(Finding::envelopeId)
				.containsOnly(SSH);
			assertThat(findings).filteredOn((finding) -> "ct-claimed-1".equals(finding.actionId()))
				.extracting(Finding::code)
				.contains(FindingCode.OOS_PORT)
				.doesNotContain(FindingCode.OOS_AGENT);
			assertThat(codesOf(findings, "ct-claimed-2")).as("a session of a principal the envelope does not name")
				.contains(FindingCode.OOS_AGENT);
			assertThat(findings).extracting(Finding::code)
				.doesNotContain(FindingCode.OOS_NO_ENVELOPE, FindingCode.ENV_DORMANT);
		}

		@Test
		default void shouldLeaveAProviderActionToTheAgentRecordThatReportsItSoThePairCountsOnce() throws IOException {
			writeEnvelope(TLS, "443", "[bert-jan]");
			ingest(tlsOpened());
			assertThat(codesOf(findings(run()), "ct-tls-1")).contains(FindingCode.LOG_UNREPORTED);
			assertThat(attributions()).containsExactly(Map.entry("ct-tls-1", TLS));

			// the agent's own record of the same change arrives later and names the event
			Path report = directory().resolve("agent.jsonl");
			Files.writeString(report,
					"{\"id\":\"agent-tls-1\",\"occurredAt\":\"2026-07-10T10:00:02Z\","
							+ "\"agent\":\"failover-agent\",\"envelope\":\"NS-STRATUS-TLS\","
							+ "\"type\":\"security_group.ingress.add\",\"resource\":\"sg-04cfb7a4712d75b00\","
							+ "\"region\":\"us-east-1\",\"protocol\":\"tcp\",\"ports\":\"443\",\"cidr\":\"0.0.0.0/0\","
							+ "\"rationale\":{\"signal\":\"scan window SW-1\",\"confidence\":0.9},"
							+ "\"providerEventId\":\"ct-tls-1\",\"account\":\"123837392027\"}\n");
			bean(ActionIngester.class).ingest(List.of(IngestInput.file(report)), null, 1_048_576);

			List<Finding> reconciled = findings(run());
			assertThat(codesOf(reconciled, "ct-tls-1")).doesNotContain(FindingCode.LOG_UNREPORTED,
					FindingCode.OOS_RATIONALE);
			assertThat(codesOf(reconciled, "agent-tls-1")).as("judged once, as the provider's action").isEmpty();
			assertThat(attributions()).as("the pair counts once, under the agent record's claim")
				.containsExactly(Map.entry("agent-tls-1", TLS), Map.entry("ct-tls-1", "-"));
		}

		@Test
		default void shouldKeepTheRunsAttributionWhenItRestartsAfterTheFilesChanged() throws IOException {
			writeEnvelope(TLS, "443", "[bert-jan]");
			ingest(tlsOpened());
			Jdbi jdbi = bean(Jdbi.class);
			jdbi.useHandle((handle) -> handle.execute(
					"ALTER TABLE review_finding ADD CONSTRAINT injected_fault CHECK (action_id IS NULL OR action_id <> 'ct-tls-1')"));
			ReviewOutcome failed;
			try {
				failed = run();
			}
			finally {
				jdbi.useHandle((handle) -> handle.execute("ALTER TABLE review_finding DROP CONSTRAINT injected_fault"));
			}
			assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
			// the file loses its principals and another run took the attribution back
			writeEnvelope(TLS, "443", null);
			jdbi.useHandle((handle) -> handle.execute("UPDATE agent_action SET attributed_envelope_id = NULL"));

			ReviewOutcome restarted = run();

			assertThat(restarted.restarted()).isTrue();
			assertThat(restarted.status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(attributions()).containsExactly(Map.entry("ct-tls-1", TLS));
			assertThat(findings(restarted)).filteredOn((finding) -> "ct-tls-1".equals(finding.actionId()))
				.isNotEmpty()
				.extracting(Finding::envelopeId)
				.containsOnly(TLS);
		}

		default Path envelopesDir() {
			return bean(ReviewPaths.class).envelopesDir();
		}

		default ReviewOutcome run() {
			return bean(ReviewLauncher.class).run(Fixtures.Q3, null, false);
		}

		default List<Finding> findings(ReviewOutcome outcome) {
			assertThat(outcome.status()).as(String.valueOf(outcome.failure())).isEqualTo(RunStatus.COMPLETED);
			return bean(FindingStore.class).findings(outcome.runId()).stream().map(StoredFinding::finding).toList();
		}

		/** Every action's id and the envelope it is judged under ("-" for none). */
		default Map<String, String> attributions() {
			Map<String, String> attributions = new TreeMap<>();
			bean(Jdbi.class).useHandle((handle) -> handle
				.createQuery("SELECT id, attributed_envelope_id FROM agent_action")
				.map((row, context) -> Map.entry(row.getString(1), (row.getString(2) != null) ? row.getString(2) : "-"))
				.forEach((entry) -> attributions.put(entry.getKey(), entry.getValue())));
			return attributions;
		}

		default void ingest(JsonNode... events) throws IOException {
			ObjectNode file = JSON.createObjectNode();
			ArrayNode records = file.putArray("Records");
			for (JsonNode event : events) {
				records.add(event);
			}
			Path trail = directory().resolve("trail.json");
			Files.writeString(trail, file.toString());
			IngestReport report = bean(ActionIngester.class).ingest(List.of(IngestInput.file(trail)), null, 1_048_576);
			assertThat(report.totals().stored()).isEqualTo(events.length);
		}

		/**
		 * An envelope of the network-security board allowing the user's ingress rules on
		 * one port from anywhere, to an agent the trail does not name (the principals
		 * vouch for the user).
		 */
		default void writeEnvelope(String id, String port, String principals) {
			String text = """
					apiVersion: envelope-review/v1
					id: %s
					title: Stratus detonation ingress
					board: network-security
					owner: security-operations
					tier: 2
					approval: {approver: dpark@example.com, approvedAt: 2025-05-02, changeRef: CHG-2025-0077}
					review: {cadenceDays: 90, lastReviewedAt: 2026-07-15, lastReviewedBy: dpark@example.com}
					expiresAt: 2027-05-02
					agents: [failover-agent]
					%sactions:
					  - type: security_group.ingress.add
					    scope:
					      resources: ["sg-04cfb*"]
					      cidrs: ["0.0.0.0/0"]
					      ports: ["%s"]
					      protocols: [tcp]
					      regions: [us-east-1]
					""".formatted(id, (principals != null) ? "principals: " + principals + "\n" : "", port);
			try {
				Files.writeString(envelopesDir().resolve(id.toLowerCase() + ".yaml"), text);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	static List<FindingCode> codesOf(List<Finding> findings, String actionId) {
		return findings.stream().filter((finding) -> actionId.equals(finding.actionId())).map(Finding::code).toList();
	}

	static List<String> dormant(List<Finding> findings) {
		List<String> dormant = new ArrayList<>();
		findings.stream()
			.filter((finding) -> finding.code() == FindingCode.ENV_DORMANT)
			.forEach((finding) -> dormant.add(finding.envelopeId()));
		return dormant;
	}

	/** bert-jan opening TLS to the world (Stratus Red Team, invictus-ir aws_dataset). */
	static JsonNode tlsOpened() throws IOException {
		return capture("7e96f0e7-4d78-423d-b3f5-391370685b30", "ct-tls-1", "2026-07-10T10:00:00Z");
	}

	/** bert-jan opening SSH to the world, from the same detonation. */
	static JsonNode sshOpened() throws IOException {
		return capture("74bd84b4-6729-4895-b2a4-e2beb7c6b377", "ct-ssh-1", "2026-07-10T10:10:00Z");
	}

	private static JsonNode capture(String eventId, String id, String time) throws IOException {
		try (InputStream input = AttributionTests.class
			.getResourceAsStream("/realdata/218007301253_CloudTrail_us-east-1_20230710T1215Z_YMDRJwtmC82bUwAo.json")) {
			for (JsonNode record : JSON.readTree(new String(input.readAllBytes(), StandardCharsets.UTF_8))
				.path("Records")) {
				if (eventId.equals(record.path("eventID").asString())) {
					ObjectNode copy = (ObjectNode) record.deepCopy();
					copy.put("eventID", id);
					copy.put("eventTime", time);
					return copy;
				}
			}
		}
		throw new IllegalStateException("no event " + eventId);
	}

	@Nested
	@TestPropertySource(properties = "review.envelopes-dir=target/attribution-tests/h2/envelopes")
	class OnH2 extends H2IntegrationTest implements Scenarios {

	}

	@Nested
	@TestPropertySource(properties = "review.envelopes-dir=target/attribution-tests/postgresql/envelopes")
	class OnPostgres extends PostgresIntegrationTest implements Scenarios {

	}

}
