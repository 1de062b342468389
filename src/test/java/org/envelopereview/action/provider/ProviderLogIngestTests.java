package org.envelopereview.action.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.envelopereview.action.ingest.IngestContract;
import org.envelopereview.action.ingest.IngestFormat;
import org.envelopereview.action.ingest.IngestInput;
import org.envelopereview.action.ingest.IngestReport;
import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Google Cloud and Azure audit logs ingested into either database: the real samples
 * (src/test/resources/realdata, SOURCES.md there) detected by content, stored once with
 * their provenance, the rest counted.
 */
class ProviderLogIngestTests {

	interface Scenarios extends IngestContract {

		@Test
		default void shouldStoreTheRealGoogleCloudChangesOnceWithTheirProvenanceAndCountTheRest() {
			Path file = resource("realdata/gcp_logging.jsonl");

			IngestReport report = ingest(file);
			IngestReport again = ingest(file);

			assertThat(report.sources().get(0).format()).isEqualTo(IngestFormat.GCP_AUDIT);
			assertThat(report.totals().read()).isEqualTo(11);
			assertThat(report.totals().stored()).isEqualTo(2);
			assertThat(report.totals().skipped()).isEqualTo(9);
			assertThat(report.totals().quarantined()).isZero();
			assertThat(report.sources().get(0).counts().notReviewedByName()).containsExactly(
					Map.entry("beta.compute.instances.insert", 2L),
					Map.entry("google.iam.admin.v1.CreateServiceAccount", 2L));
			assertThat(again.totals().stored()).isZero();
			assertThat(again.totals().duplicates()).isEqualTo(2);
			assertThat(rows("SELECT id, action_type, resource, region, protocol, ports, cidr, outcome, provider, "
					+ "principal, account, provider_event_id, user_agent, source_ip FROM agent_action ORDER BY id"))
				.extracting((row) -> row.get("id"), (row) -> row.get("action_type"), (row) -> row.get("resource"),
						(row) -> row.get("region"), (row) -> row.get("protocol"), (row) -> row.get("ports"),
						(row) -> row.get("cidr"), (row) -> row.get("outcome"), (row) -> row.get("provider"),
						(row) -> row.get("principal"), (row) -> row.get("account"),
						(row) -> row.get("provider_event_id"), (row) -> row.get("user_agent"),
						(row) -> row.get("source_ip"))
				.containsExactly(
						tuple("operation-1634612146037-5ceabcc4f6447-d7a59be5-3fd18aa8", "firewall.rule.add",
								"projects/fake-project/global/firewalls/test", "global", "tcp", "3389", "0.0.0.0/0",
								"succeeded", "gcp", "fakeemailxyz@gmail.com", "fake-project",
								"operation-1634612146037-5ceabcc4f6447-d7a59be5-3fd18aa8", "UserAgent", "1.1.1.1"),
						tuple("operation-1634612259304-5ceabd30fb515-0c5c5a7d-0ac8bbff", "network.create",
								"projects/fake-project/global/networks/test", "global", null, null, null, "succeeded",
								"gcp", "fakeemailxyz@gmail.com", "fake-project",
								"operation-1634612259304-5ceabd30fb515-0c5c5a7d-0ac8bbff", "UserAgent", "1.1.1.1"));
			assertThat(verifier().verify((found) -> {
				throw new AssertionError(found);
			})).isEqualTo(2);
			assertThat(rows("SELECT DISTINCT source_format FROM ingest_source"))
				.extracting((row) -> row.get("source_format"))
				.containsExactly("gcp-audit");
			assertThat(rows("SELECT provider, account, region FROM provider_coverage"))
				.extracting((row) -> row.get("provider"), (row) -> row.get("account"), (row) -> row.get("region"))
				.contains(tuple("gcp", "fake-project", "global"));
			assertThat(rows(
					"SELECT event_name, SUM(events) AS events FROM not_reviewed_event GROUP BY event_name ORDER BY event_name"))
				.extracting((row) -> row.get("event_name"), (row) -> ((Number) row.get("events")).longValue())
				.containsExactly(tuple("beta.compute.instances.insert", 2L),
						tuple("google.iam.admin.v1.CreateServiceAccount", 2L));
		}

		@Test
		default void shouldStoreTheDocumentedAzureGroupWriteAndCountTheRealComputeWritesAsNotReviewed() {
			Path sample = resource("realdata/msdocs_azure_activity_nsg_write_example.json");
			Path plaso = resource("realdata/azure_activity_log.jsonl");

			IngestReport report = ingest(sample, plaso);

			assertThat(report.sources()).extracting((source) -> source.format())
				.containsExactly(IngestFormat.AZURE_ACTIVITY, IngestFormat.AZURE_ACTIVITY);
			assertThat(report.totals().stored()).isEqualTo(1);
			assertThat(report.totals().quarantined()).isZero();
			assertThat(report.sources().get(1).counts().notReviewedByName()).hasSize(4);
			assertThat(rows("SELECT id, action_type, provider, principal, account, source_ip FROM agent_action"))
				.extracting((row) -> row.get("id"), (row) -> row.get("action_type"), (row) -> row.get("provider"),
						(row) -> row.get("principal"), (row) -> row.get("account"), (row) -> row.get("source_ip"))
				.containsExactly(tuple("04e575f8-48d0-4c43-a8b3-78c4eb01d287", "security_group.create", "azure",
						"rob@contoso.com", "<subscription id>", "111.111.1.111"));
		}

		@Test
		default void shouldRejectOnceAFileOfAnotherCloudGivenAsGoogleCloudAndQuarantineNothing() {
			Path trail = resource("realdata/aws_cloudtrail_lookupevents.jsonl");

			IngestReport report = ingester().ingest(List.of(IngestInput.file(trail)), IngestFormat.GCP_AUDIT,
					1_048_576);

			assertThat(report.hasUnreadableInput()).isTrue();
			assertThat(report.sources().get(0).error())
				.isEqualTo(trail + " fits none of the Google Cloud audit log shapes (the first record has neither "
						+ "logName nor protoPayload.methodName); accepted: Cloud Logging entries (LogEntry with "
						+ "protoPayload) one per line, a JSON array of them (gcloud logging read --format=json), "
						+ "{\"entries\":[…]}, Pub/Sub sink messages {\"message\":{\"data\":…}}");
			assertThat(rows("SELECT id FROM agent_action")).isEmpty();
			assertThat(rows("SELECT id FROM quarantined_record")).isEmpty();
		}

		private IngestReport ingest(Path... files) {
			return ingester().ingest(List.of(files).stream().map(IngestInput::file).toList(), null, 1_048_576);
		}

		private Path resource(String name) {
			try (InputStream input = getClass().getClassLoader().getResourceAsStream(name)) {
				Path file = directory().resolve(Path.of(name).getFileName());
				Files.write(file, input.readAllBytes());
				return file;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private List<Map<String, Object>> rows(String sql) {
			return jdbi().withHandle((handle) -> handle.createQuery(sql).mapToMap().list());
		}

	}

	@Nested
	class OnH2 extends H2IntegrationTest implements Scenarios {

	}

	@Nested
	class OnPostgres extends PostgresIntegrationTest implements Scenarios {

	}

}
