package org.envelopereview.action.cloudtrail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.envelopereview.action.SourceCounts;
import org.envelopereview.action.ingest.IngestContract;
import org.envelopereview.action.ingest.IngestFormat;
import org.envelopereview.action.ingest.IngestInput;
import org.envelopereview.action.ingest.IngestReport;
import org.envelopereview.action.ingest.SourceReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * CloudTrail ingest of the real samples into the database, written once and run on H2 and
 * on PostgreSQL (see {@link CloudTrailIngestTests}).
 */
interface CloudTrailIngestScenarios extends IngestContract {

	JsonMapper JSON = JsonMapper.builder().build();

	String INVICTUS = "realdata/218007301253_CloudTrail_us-east-1_20230710T1215Z_";

	@Test
	default void shouldStoreTheNetworkChangesOfRealCloudTrailFilesAndCountTheRest() {
		Path first = resource(INVICTUS + "YMDRJwtmC82bUwAo.json");
		Path second = resource(INVICTUS + "Z8x5aqgtcXn5NEG9.json");

		IngestReport report = ingest(first, second);

		assertThat(report.sources()).extracting(SourceReport::format).containsOnly(IngestFormat.CLOUDTRAIL);
		SourceCounts.Totals totals = report.totals();
		assertThat(totals.read()).isEqualTo(156 + 117);
		assertThat(totals.stored()).isEqualTo(10 + 7);
		assertThat(totals.skipped()).isEqualTo(146 + 110);
		assertThat(totals.quarantined()).isZero();
		assertThat(totals.failedAttempts()).isEqualTo(1);
		assertThat(rows("SELECT id, action_type, outcome, error_code, seq FROM agent_action "
				+ "WHERE action_type LIKE 'security_group.%gress%' OR action_type = 'route.remove' ORDER BY seq"))
			.extracting((row) -> row.get("id"), (row) -> row.get("action_type"), (row) -> row.get("outcome"),
					(row) -> row.get("error_code"))
			.containsExactly(
					tuple("7e96f0e7-4d78-423d-b3f5-391370685b30", "security_group.ingress.add", "succeeded", null),
					tuple("74bd84b4-6729-4895-b2a4-e2beb7c6b377", "security_group.ingress.add", "succeeded", null),
					tuple("91a712f8-7d85-45cb-b291-3d0bde9c686e", "route.remove", "succeeded", null),
					tuple("42c3428c-7389-42d1-9365-fcf6e3695459", "route.remove", "succeeded", null),
					tuple("5966ab0e-411b-402f-81a9-d638a8c71a53", "security_group.egress.remove", "failed",
							"Client.InvalidPermission.NotFound"));
		assertThat(verifier().verify((found) -> {
			throw new AssertionError(found);
		})).isEqualTo(17);
		assertThat(report.sources().get(0).counts().notReviewedByName()).containsEntry("CreateVpc", 2L)
			.containsEntry("DeleteSubnet", 3L);
		assertThat((String) rows("SELECT skipped_names FROM ingest_source ORDER BY id").get(0).get("skipped_names"))
			.contains("not reviewed: ", "CreateVpc=2");
	}

	@Test
	default void shouldStoreNothingTwiceWhenRealCloudTrailIsIngestedAgain() {
		Path file = resource(INVICTUS + "P0WZuP2zvLW2RcUo.json");
		ingest(file);

		IngestReport again = ingest(file);

		assertThat(again.totals().stored()).isZero();
		assertThat(again.totals().duplicates()).isEqualTo(4);
		assertThat(count()).isEqualTo(4);
	}

	@Test
	default void shouldQuarantineRepeatedEventIdsWithOtherContentAndBadTimesInThePantherFixtures() {
		Path file = resource("realdata/panther_aws_cloudtrail_test_events.jsonl");

		IngestReport report = ingest(file);

		SourceCounts counts = report.sources().get(0).counts();
		assertThat(counts.totals()).isEqualTo(new SourceCounts.Totals(26, 5, 0, 13, 8, 0, 0));
		assertThat(counts.skippedByName()).isEmpty();
		assertThat(counts.notReviewedByName()).containsEntry("AuthorizeDBSecurityGroupIngress", 4L)
			.containsEntry("CreateVpc", 2L);
		assertThat(rows("SELECT line_number, reason FROM quarantined_record ORDER BY line_number"))
			.extracting((row) -> ((Number) row.get("line_number")).longValue())
			.containsExactly(2L, 3L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 19L, 20L);
		assertThat(rows("SELECT reason FROM quarantined_record WHERE line_number = 2").get(0).get("reason"))
			.isEqualTo("conflicting duplicate of 1 already stored from " + file + ":1");
		Map<String, Object> source = rows("SELECT * FROM ingest_source").get(0);
		assertThat((String) source.get("skipped_names")).startsWith("not reviewed: ").contains("CreateVpc=2");
	}

	@Test
	default void shouldReadGzipCompressedCloudTrail() throws IOException {
		Path plain = resource(INVICTUS + "Z8x5aqgtcXn5NEG9.json");
		Path compressed = directory().resolve("trail.json.gz");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write(Files.readAllBytes(plain));
		}
		Files.write(compressed, bytes.toByteArray());

		IngestReport report = ingest(compressed);

		assertThat(report.sources().get(0).format()).isEqualTo(IngestFormat.CLOUDTRAIL);
		assertThat(report.totals().stored()).isEqualTo(7);
		assertThat(report.totals().failedAttempts()).isEqualTo(1);
	}

	@Test
	default void shouldIngestAPlainJsonArrayOfEventsDetectedByContentWithNothingQuarantined() throws IOException {
		JsonNode records = JSON.readTree(resource(INVICTUS + "YMDRJwtmC82bUwAo.json").toFile()).path("Records");
		Path array = directory().resolve("export.json");
		Files.writeString(array, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(records));

		IngestReport report = ingest(array);

		assertThat(report.sources().get(0).format()).isEqualTo(IngestFormat.CLOUDTRAIL);
		assertThat(report.sources().get(0).error()).isNull();
		assertThat(report.totals().read()).isEqualTo(156);
		assertThat(report.totals().stored()).isEqualTo(10);
		assertThat(report.totals().quarantined()).isZero();
		assertThat(quarantineCount()).isZero();
	}

	@Test
	default void shouldIngestTheLookupEventsResponseWithNothingQuarantined() throws IOException {
		ObjectNode response = JSON.createObjectNode();
		ArrayNode events = response.putArray("Events");
		for (String line : Files.readAllLines(resource("realdata/aws_cloudtrail_lookupevents.jsonl"))) {
			events.add(JSON.readTree(line));
		}
		Path file = directory().resolve("lookup-events.json");
		Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(response));

		IngestReport report = ingest(file);

		assertThat(report.sources().get(0).format()).isEqualTo(IngestFormat.CLOUDTRAIL);
		assertThat(report.totals().read()).isEqualTo(6);
		assertThat(report.totals().stored()).isEqualTo(1);
		assertThat(report.totals().quarantined()).isZero();
		assertThat(rows("SELECT id, action_type, resource FROM agent_action"))
			.extracting((row) -> row.get("id"), (row) -> row.get("action_type"), (row) -> row.get("resource"))
			.containsExactly(
					tuple("c91c963c-d149-4dc5-9e4a-830da763cf7b", "security_group.create", "sg-01234567890123456"));
	}

	@Test
	default void shouldIngestEventBridgeEventsWithNothingQuarantined() throws IOException {
		StringBuilder lines = new StringBuilder();
		for (JsonNode record : JSON.readTree(resource(INVICTUS + "P0WZuP2zvLW2RcUo.json").toFile()).path("Records")) {
			ObjectNode wrapped = JSON.createObjectNode();
			wrapped.put("version", "0");
			wrapped.put("detail-type", "AWS API Call via CloudTrail");
			wrapped.put("source", "aws.ec2");
			wrapped.set("detail", record);
			lines.append(wrapped).append('\n');
		}
		Path file = directory().resolve("eventbridge.jsonl");
		Files.writeString(file, lines);

		IngestReport report = ingest(file);

		assertThat(report.sources().get(0).format()).isEqualTo(IngestFormat.CLOUDTRAIL);
		assertThat(report.totals().stored()).isEqualTo(4);
		assertThat(report.totals().quarantined()).isZero();
	}

	@Test
	default void shouldStoreAProviderCidrWithHostBitsNormalisedWithItsRecordedTextOnAVerifyingChain()
			throws IOException {
		JsonNode sshOpened = null;
		for (JsonNode record : JSON.readTree(resource(INVICTUS + "YMDRJwtmC82bUwAo.json").toFile()).path("Records")) {
			if ("74bd84b4-6729-4895-b2a4-e2beb7c6b377".equals(record.path("eventID").asString())) {
				sshOpened = record;
			}
		}
		// as the Stratus Red Team capture recorded it (SOURCES.md of
		// /work/shared/realdata)
		((ObjectNode) sshOpened.path("requestParameters")).put("cidrIp", "208.236.235.254/0");
		Path file = directory().resolve("host-bits.jsonl");
		Files.writeString(file, sshOpened + "\n");

		IngestReport first = ingest(file);
		IngestReport again = ingest(file);

		assertThat(first.totals().stored()).isEqualTo(1);
		assertThat(first.totals().quarantined()).isZero();
		assertThat(again.totals().duplicates()).isEqualTo(1);
		assertThat(again.totals().quarantined()).isZero();
		assertThat(rows("SELECT cidr, recorded_cidr, ports FROM agent_action"))
			.extracting((row) -> row.get("cidr"), (row) -> row.get("recorded_cidr"), (row) -> row.get("ports"))
			.containsExactly(tuple("0.0.0.0/0", "208.236.235.254/0", "22"));
		assertThat(rows("SELECT provider, principal, account, provider_event_id, source_ip FROM agent_action"))
			.extracting((row) -> row.get("provider"), (row) -> row.get("principal"), (row) -> row.get("account"),
					(row) -> row.get("provider_event_id"), (row) -> row.get("source_ip"))
			.containsExactly(tuple("aws", "arn:aws:iam::123837392027:user/bert-jan", "123837392027",
					"74bd84b4-6729-4895-b2a4-e2beb7c6b377", "192.168.10.20"));
		assertThat(verifier().verify((found) -> {
			throw new AssertionError(found);
		})).isEqualTo(1);
	}

	@Test
	default void shouldRejectOnceAFileOfNoCloudTrailShapeAndQuarantineNothing() throws IOException {
		Path csv = directory().resolve("actions.csv");
		Files.writeString(csv, "id,occurredAt,agent,type\na-1,2026-07-03T03:47:00Z,x,route.add\n"
				+ "a-2,2026-07-03T03:48:00Z,x,route.add\n");

		IngestReport report = ingester().ingest(List.of(IngestInput.file(csv)), IngestFormat.CLOUDTRAIL, 1_048_576);

		assertThat(report.hasUnreadableInput()).isTrue();
		assertThat(report.sources().get(0).error()).isEqualTo(csv + " fits none of the CloudTrail shapes "
				+ "(line 1 is not JSON); " + CloudTrailReader.ACCEPTED_SHAPES);
		assertThat(report.totals().quarantined()).isZero();
		assertThat(quarantineCount()).isZero();
		assertThat(count()).isZero();
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

	private long quarantineCount() {
		return jdbi().withHandle(
				(handle) -> handle.createQuery("SELECT count(*) FROM quarantined_record").mapTo(Long.class).one());
	}

	private long count() {
		return jdbi()
			.withHandle((handle) -> handle.createQuery("SELECT count(*) FROM agent_action").mapTo(Long.class).one());
	}

	private List<Map<String, Object>> rows(String sql) {
		return jdbi().withHandle((handle) -> handle.createQuery(sql).mapToMap().list());
	}

}
