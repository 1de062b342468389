package org.envelopereview.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
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

/**
 * A review over Google Cloud and Azure audit logs: the real Google Cloud capture of a
 * firewall opened to the world on 3389 (plaso, src/test/resources/realdata; moved into
 * the reviewed quarter) and an Azure diagnostic setting deleted, ingested and judged by
 * the review job with no new concepts.
 */
class ProviderLogReviewTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final String OPERATION = "operation-gcp-rdp-1";

	static final String FIREWALL = "projects/fake-project/global/firewalls/test";

	static final String ENVELOPE = "NS-GCP-RDP";

	interface Scenarios extends DatabaseContract {

		@BeforeEach
		default void emptyHistoryAndEnvelopes() throws IOException {
			ActionTable.clear(bean(Jdbi.class));
			TestOutput.emptied(context());
			Path envelopes = bean(ReviewPaths.class).envelopesDir();
			Files.createDirectories(envelopes);
			try (Stream<Path> files = Files.list(envelopes)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			Files.copy(ReviewScenario.envelopesDir().resolve("boards.yaml"), envelopes.resolve("boards.yaml"));
		}

		@Test
		default void shouldReportAGoogleCloudFirewallOpenedToTheWorldUnderNoEnvelopeNamingTheFirewall()
				throws IOException {
			ingest("gcp.jsonl", firewallOperation());

			List<Finding> findings = findings(run());

			assertThat(findings).filteredOn((finding) -> finding.code() == FindingCode.OOS_NO_ENVELOPE)
				.extracting(Finding::actionId, Finding::explanation)
				.containsExactly(org.assertj.core.api.Assertions.tuple(OPERATION,
						OPERATION + " (" + FIREWALL + "): fakeemailxyz ran firewall.rule.add under no envelope"));
			assertThat(findings).noneMatch((finding) -> finding.code() == FindingCode.OOS_CIDR);
		}

		@Test
		default void shouldReportTheRuleOutsideAnEnvelopeAllowingOnlyTheInternalRangeAndNothingWhenItAllowsTheWorld()
				throws IOException {
			ingest("gcp.jsonl", firewallOperation());
			writeEnvelope("10.0.0.0/8");

			List<Finding> narrow = findings(run());
			writeEnvelope("0.0.0.0/0");
			List<Finding> wide = findings(run());

			assertThat(narrow).filteredOn((finding) -> OPERATION.equals(finding.actionId()))
				.extracting(Finding::code)
				.contains(FindingCode.OOS_CIDR)
				.doesNotContain(FindingCode.OOS_NO_ENVELOPE);
			assertThat(narrow).filteredOn((finding) -> finding.code() == FindingCode.OOS_CIDR)
				.singleElement()
				.satisfies((finding) -> {
					assertThat(finding.envelopeId()).isEqualTo(ENVELOPE);
					assertThat(finding.explanation()).startsWith(OPERATION + " (" + FIREWALL + "): " + FIREWALL
							+ " opened 0.0.0.0/0:3389 — envelope " + ENVELOPE + " allows only ");
				});
			assertThat(wide).filteredOn((finding) -> OPERATION.equals(finding.actionId()))
				.extracting(Finding::code)
				.doesNotContain(FindingCode.OOS_CIDR, FindingCode.OOS_NO_ENVELOPE);
		}

		@Test
		default void shouldReportLogSuppressionForADeletedAzureDiagnosticSettingButNotForOneWritten()
				throws IOException {
			String setting = "/subscriptions/9a1b2c3d-0000-4000-8000-000000000001/resourceGroups/net-rg/providers/"
					+ "Microsoft.Network/networkSecurityGroups/edge-nsg/providers/Microsoft.Insights/diagnosticSettings/"
					+ "to-sentinel";
			ingest("azure.json", "[" + azureEvent("op-diag-1", "Microsoft.Insights/diagnosticSettings/delete", setting)
					+ "," + azureEvent("op-diag-2", "Microsoft.Insights/diagnosticSettings/write", setting) + "]");

			List<Finding> findings = findings(run());

			assertThat(findings).filteredOn((finding) -> finding.code() == FindingCode.LOG_SUPPRESSION)
				.extracting(Finding::actionId, Finding::explanation)
				.containsExactly(org.assertj.core.api.Assertions.tuple("op-diag-1", "op-diag-1 (" + setting
						+ "): logging.config.modify by netops-agent is not under a tier-4 change (no envelope)"));
			assertThat(findings).noneMatch((finding) -> "op-diag-2".equals(finding.actionId()));
		}

		private void ingest(String name, String content) throws IOException {
			Path file = directory().resolve(name);
			Files.writeString(file, content);
			IngestReport report = bean(ActionIngester.class).ingest(List.of(IngestInput.file(file)), null, 1_048_576);
			assertThat(report.totals().quarantined()).isZero();
			assertThat(report.totals().stored()).isEqualTo(1);
		}

		private ReviewOutcome run() {
			return bean(ReviewLauncher.class).run(Fixtures.Q3, null, false);
		}

		private List<Finding> findings(ReviewOutcome outcome) {
			assertThat(outcome.status()).as(String.valueOf(outcome.failure())).isEqualTo(RunStatus.COMPLETED);
			return bean(FindingStore.class).findings(outcome.runId()).stream().map(StoredFinding::finding).toList();
		}

		/**
		 * An envelope of the network-security board for the service account's RDP rules
		 * on Google Cloud's global firewalls, from the given range only.
		 */
		private void writeEnvelope(String cidr) throws IOException {
			Files.writeString(bean(ReviewPaths.class).envelopesDir().resolve("ns-gcp-rdp.yaml"), """
					apiVersion: envelope-review/v1
					id: %s
					title: Google Cloud bastion RDP
					board: network-security
					owner: security-operations
					tier: 2
					approval: {approver: dpark@example.com, approvedAt: 2025-05-02, changeRef: CHG-2025-0091}
					review: {cadenceDays: 90, lastReviewedAt: 2026-07-15, lastReviewedBy: dpark@example.com}
					expiresAt: 2027-05-02
					agents: [bastion-agent]
					principals: ["fakeemailxyz@gmail.com"]
					rationale: optional
					actions:
					  - type: firewall.rule.add
					    scope:
					      resources: ["projects/fake-project/global/firewalls/*"]
					      cidrs: ["%s"]
					      ports: ["3389"]
					      protocols: [tcp]
					      regions: [global]
					""".formatted(ENVELOPE, cidr));
		}

	}

	/**
	 * The first and last entries of the real firewall insert (tcp/3389 from 0.0.0.0/0),
	 * their operation renamed and moved into 2026-Q3.
	 */
	static String firewallOperation() throws IOException {
		try (InputStream input = ProviderLogReviewTests.class.getResourceAsStream("/realdata/gcp_logging.jsonl")) {
			List<String> lines = new String(input.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
			StringBuilder moved = new StringBuilder();
			for (int i : new int[] { 2, 3 }) {
				ObjectNode entry = (ObjectNode) JSON.readTree(lines.get(i));
				((ObjectNode) entry.path("operation")).put("id", OPERATION);
				entry.put("timestamp", (i == 3) ? "2026-07-10T10:00:00Z" : "2026-07-10T10:00:05Z");
				moved.append(entry).append('\n');
			}
			return moved.toString();
		}
	}

	/** A succeeded Administrative operation by a UPN, as the portal exports it. */
	static String azureEvent(String operationId, String operation, String resourceId) {
		ObjectNode event = JSON.createObjectNode();
		event.put("caller", "netops-agent@contoso.com");
		event.putObject("category").put("value", "Administrative");
		event.put("eventDataId", "event-" + operationId);
		event.put("eventTimestamp", "2026-07-11T09:00:00Z");
		event.put("operationId", operationId);
		event.putObject("operationName").put("value", operation);
		event.put("resourceId", resourceId);
		event.putObject("status").put("value", "Succeeded");
		event.put("subscriptionId", "9a1b2c3d-0000-4000-8000-000000000001");
		return event.toString();
	}

	@Nested
	@TestPropertySource(properties = "review.envelopes-dir=target/provider-log-review-tests/h2/envelopes")
	class OnH2 extends H2IntegrationTest implements Scenarios {

	}

	@Nested
	@TestPropertySource(properties = "review.envelopes-dir=target/provider-log-review-tests/postgresql/envelopes")
	class OnPostgres extends PostgresIntegrationTest implements Scenarios {

	}

}
