package org.envelopereview.generator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.envelopereview.action.Action;
import org.envelopereview.action.SourceRecord;
import org.envelopereview.action.cloudtrail.CloudTrailMapper;
import org.envelopereview.action.cloudtrail.CloudTrailReader;
import org.envelopereview.action.ingest.RecordingSink;
import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.envelope.EnvelopeLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The example history's CloudTrail trail, generated from the bundled envelopes as the
 * demo's data is: what the agent reports and what the trail saw agree, except for the
 * deviations the demo needs each quarter.
 */
class ProviderTrailTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final GenerationRequest EXAMPLE = new GenerationRequest(1200, 2026,
			Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"), true);

	private final StringWriter history = new StringWriter();

	private final StringWriter trail = new StringWriter();

	@Test
	void shouldNameEachTrailedChangesEventOnTheAgentsRecordButOneClaimPerQuarter() throws IOException {
		generate(EXAMPLE);
		Set<String> eventIds = events().stream()
			.map((event) -> event.get("eventID").asString())
			.collect(Collectors.toSet());

		List<JsonNode> claims = records().stream().filter((record) -> record.has("providerEventId")).toList();

		assertThat(claims).hasSizeGreaterThan(150).allSatisfy((record) -> {
			assertThat(record.get("agent").asString()).isEqualTo("failover-agent");
			assertThat(record.get("account").asString()).isEqualTo(ProviderTrail.ACCOUNT);
			assertThat(record.get("type").asString()).startsWith("security_group.ingress.");
		});
		assertThat(claims).filteredOn((record) -> !eventIds.contains(record.get("providerEventId").asString()))
			.extracting((record) -> record.get("occurredAt").asString().substring(0, 7))
			.containsExactly("2026-02", "2026-05", "2026-08");
	}

	@Test
	void shouldRecordOneUnreportedChangeAndOneStoppedTrailPerQuarter() throws IOException {
		generate(EXAMPLE);
		Set<String> claimed = records().stream()
			.filter((record) -> record.has("providerEventId"))
			.map((record) -> record.get("providerEventId").asString())
			.collect(Collectors.toSet());

		assertThat(events()).filteredOn((event) -> !claimed.contains(event.get("eventID").asString()))
			.extracting((event) -> event.get("eventName").asString(),
					(event) -> event.path("userIdentity").get("arn").asString())
			.containsOnly(
					tuple("AuthorizeSecurityGroupIngress",
							"arn:aws:sts::111122223333:assumed-role/failover-agent/i-0c5e7a1f9b2d4e6a8"),
					tuple("StopLogging", "arn:aws:sts::111122223333:assumed-role/failover-agent/failover-agent"),
					tuple("StartLogging", "arn:aws:sts::111122223333:assumed-role/failover-agent/failover-agent"))
			.hasSize(9);
	}

	@Test
	void shouldIngestAsCloudTrailWithNothingQuarantinedAndTheRolesIdentity() throws IOException {
		generate(EXAMPLE);
		RecordingSink sink = new RecordingSink();

		new CloudTrailReader(1_048_576, new CloudTrailMapper(Map.of()))
			.read(new ByteArrayInputStream(this.trail.toString().getBytes(StandardCharsets.UTF_8)), sink);

		List<Action> actions = new ArrayList<>();
		sink.accepted.forEach((records) -> records.stream().map(SourceRecord::action).forEach(actions::add));
		assertThat(sink.quarantined).isEmpty();
		assertThat(sink.notReviewed).containsOnly("StartLogging").hasSize(3);
		assertThat(actions).hasSize(events().size() - 3).allSatisfy((action) -> {
			assertThat(action.provenance().principal()).isEqualTo("arn:aws:iam::111122223333:role/failover-agent");
			assertThat(action.provenance().account()).isEqualTo(ProviderTrail.ACCOUNT);
			assertThat(action.envelopeId()).isNull();
		});
		assertThat(actions).filteredOn((action) -> action.type().equals("logging.config.modify"))
			.extracting(Action::resource)
			.hasSize(3)
			.allSatisfy((trailArn) -> assertThat(trailArn)
				.matches("arn:aws:cloudtrail:eu-[a-z]+-1:111122223333:" + "trail/" + ProviderTrail.TRAIL));
	}

	@Test
	void shouldWriteTheSameHistoryWithOrWithoutATrailApartFromTheEventNames() throws IOException {
		generate(EXAMPLE);
		StringWriter alone = new StringWriter();
		new HistoryGenerator().generate(examples(), EXAMPLE, alone);

		List<String> withTrail = this.history.toString().lines().toList();
		List<String> without = alone.toString().lines().toList();
		assertThat(withTrail).hasSameSizeAs(without);
		for (int i = 0; i < without.size(); i++) {
			if (!withTrail.get(i).equals(without.get(i))) {
				ObjectNode record = (ObjectNode) JSON.readTree(withTrail.get(i));
				record.remove(List.of("providerEventId", "account"));
				assertThat(record).isEqualTo(JSON.readTree(without.get(i)));
			}
		}
	}

	private void generate(GenerationRequest request) throws IOException {
		new HistoryGenerator().generate(examples(), request, this.history, this.trail);
	}

	/**
	 * The history's well-formed records (the malformed lines the demo quarantines left
	 * out).
	 */
	private List<JsonNode> records() {
		List<JsonNode> records = new ArrayList<>();
		for (String line : this.history.toString().lines().toList()) {
			try {
				records.add(JSON.readTree(line));
			}
			catch (JacksonException ex) {
				// one of the malformed lines
			}
		}
		return records;
	}

	private List<JsonNode> events() {
		List<JsonNode> events = new ArrayList<>();
		JSON.readTree(this.trail.toString()).path("Records").forEach(events::add);
		return events;
	}

	private static EnvelopeCatalog examples() {
		return new EnvelopeLoader().load(Path.of("envelopes"));
	}

}
