package org.envelopereview.generator;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionHash;
import org.envelopereview.envelope.ActionClass;
import org.envelopereview.envelope.Approver;
import org.envelopereview.envelope.Board;
import org.envelopereview.envelope.BoardDirectory;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.envelope.PortRange;
import org.envelopereview.envelope.Scope;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryGeneratorTests {

	private static final Instant FROM = Instant.parse("2026-04-01T00:00:00Z");

	private static final Instant TO = Instant.parse("2026-10-01T00:00:00Z");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HistoryGenerator generator = new HistoryGenerator();

	@Test
	void shouldWriteTheSameBytesForTheSameSeed() throws IOException {
		assertThat(generate(500, 7, true)).isEqualTo(generate(500, 7, true));
		assertThat(generate(500, 7, true)).isNotEqualTo(generate(500, 8, true));
	}

	@Test
	void shouldWriteOrdinaryTrafficInTimeOrderAndInsideTheDeclaredScope() throws IOException {
		List<JsonNode> records = parse(generate(400, 1, false));

		assertThat(records).hasSizeGreaterThan(400);
		IPAddress allowed = new IPAddressString("10.20.0.0/16").getAddress();
		Instant previous = FROM;
		for (JsonNode record : records) {
			Instant at = Instant.parse(record.get("occurredAt").asString());
			assertThat(at).isAfterOrEqualTo(previous).isBefore(TO);
			previous = at;
			if (record.get("envelope").asString().equals("NET-SG-001")) {
				assertThat(allowed.contains(new IPAddressString(record.get("cidr").asString()).getAddress())).isTrue();
				assertThat(record.get("resource").asString()).startsWith("sg-0a1b");
				assertThat(record.get("ports").asInt()).isBetween(443, 444);
			}
		}
	}

	@Test
	void shouldRevertEveryTemporaryChangeBeforeItsDeadlineInOrdinaryTraffic() throws IOException {
		List<JsonNode> records = parse(generate(300, 3, false));

		List<JsonNode> temporary = records.stream().filter((record) -> record.has("revertBy")).toList();
		assertThat(temporary).isNotEmpty();
		for (JsonNode change : temporary) {
			JsonNode revert = records.stream()
				.filter((record) -> change.get("id").asString().equals(record.path("reverts").asString(null)))
				.findFirst()
				.orElseThrow();
			assertThat(Instant.parse(revert.get("occurredAt").asString()))
				.isBeforeOrEqualTo(Instant.parse(change.get("revertBy").asString()));
			assertThat(revert.get("type").asString()).isEqualTo("security_group.ingress.remove");
		}
	}

	@Test
	void shouldInjectDeviationsAndMalformedRecordsOnlyWhenAsked() throws IOException {
		String withDeviations = generate(300, 5, true);
		String without = generate(300, 5, false);

		assertThat(withDeviations).contains("\"cidr\":\"0.0.0.0/0\"", "\"ports\":\"22\"", "shadow-agent-7",
				"NET-LEGACY-042", "10.0.0.0/33", "2026-13-45", "unmanaged-", "\"protocol\":\"udp\"");
		assertThat(without).doesNotContain("0.0.0.0/0", "shadow-agent-7", "NET-LEGACY-042", "10.0.0.0/33");
	}

	@Test
	void shouldChainOneAgentAtTheSourceAndBreakItOnceOnlyWhenDeviationsAreAsked() throws IOException {
		List<JsonNode> clean = chained(parse(generate(300, 9, false)));
		List<JsonNode> withDeviations = chained(parseWellFormed(generate(300, 9, true)));

		assertThat(clean).isNotEmpty().allMatch((record) -> ActionHash.verifies(action(record)));
		assertThat(withDeviations.stream().filter((record) -> !ActionHash.verifies(action(record)))).hasSize(1);
		assertThat(withDeviations).extracting((record) -> record.get("seq").asLong())
			.isEqualTo(java.util.stream.LongStream.rangeClosed(1, withDeviations.size()).boxed().toList());
	}

	/** The lines that are JSON at all: the deliberately malformed ones are left out. */
	private static List<JsonNode> parseWellFormed(String lines) {
		return lines.lines().filter((line) -> line.endsWith("}")).map(JSON::readTree).toList();
	}

	private static List<JsonNode> chained(List<JsonNode> records) {
		return records.stream().filter((record) -> record.has("seq")).toList();
	}

	private static Action action(JsonNode record) {
		JsonNode rationale = record.path("rationale");
		JsonNode approval = record.path("approval");
		return new Action(record.get("id").asString(), Instant.parse(record.get("occurredAt").asString()),
				record.get("agent").asString(), text(record, "modelVersion"), text(record, "envelope"),
				text(record, "type"), text(record, "resource"), text(record, "region"), text(record, "protocol"),
				text(record, "ports"), text(record, "cidr"),
				new Action.Rationale(text(rationale, "signal"), text(rationale, "text"),
						rationale.has("confidence") ? rationale.get("confidence").asDouble() : null),
				new Action.ApprovalRecord(text(approval, "ref"), text(approval, "approver")), text(record, "changeRef"),
				record.has("revertBy") ? Instant.parse(record.get("revertBy").asString()) : null,
				text(record, "reverts"), Action.Outcome.SUCCEEDED, null, record.get("seq").asLong(),
				record.get("prevHash").asString(), record.get("hash").asString());
	}

	private static String text(JsonNode node, String field) {
		return (node.has(field) && !node.get(field).isNull()) ? node.get(field).asString() : null;
	}

	private String generate(long actions, long seed, boolean deviations) throws IOException {
		StringWriter out = new StringWriter();
		this.generator.generate(catalog(), new GenerationRequest(actions, seed, FROM, TO, deviations), out);
		return out.toString();
	}

	private static List<JsonNode> parse(String lines) {
		return lines.lines().map(JSON::readTree).toList();
	}

	private static EnvelopeCatalog catalog() {
		Scope sgScope = new Scope(List.of("sg-0a1b*"), List.of(new IPAddressString("10.20.0.0/16").getAddress()),
				List.of(new PortRange(443, 444)), List.of("tcp"), List.of("eu-west-1", "eu-central-1"));
		Envelope securityGroups = new Envelope("NET-SG-001", "Failover security groups", "network-security",
				"network-platform", 2, new Envelope.Approval("jmin@example.com", LocalDate.of(2026, 1, 5), "CHG-1"),
				new Envelope.ReviewSchedule(90, LocalDate.of(2026, 6, 1), "jmin@example.com"), null, List.of("SOC2"),
				List.of("failover-agent"), List.of("orchestrator-2.3.*"), 0.8,
				List.of(new ActionClass("security_group.ingress.add", 2, sgScope, Duration.ofMinutes(30))),
				new Envelope.Bounds(500, 20), "net-sg-001.yaml");
		Envelope firewall = new Envelope("NET-FW-002", "Firewall changes", "network-security", "secops", 3,
				new Envelope.Approval("jmin@example.com", LocalDate.of(2026, 1, 5), "CHG-2"),
				new Envelope.ReviewSchedule(90, LocalDate.of(2026, 6, 1), "jmin@example.com"), null, List.of("SOC2"),
				List.of("fw-agent"), List.of("fw-model-1.*"), 0.7,
				List.of(new ActionClass("firewall.rule.add", 3, sgScope, null),
						new ActionClass("logging.config.modify", 4, Scope.UNCONSTRAINED, null),
						new ActionClass("route.add", 4, Scope.UNCONSTRAINED, null)),
				Envelope.Bounds.NONE, "net-fw-002.yaml");
		BoardDirectory directory = new BoardDirectory(
				List.of(new Board("network-security", "Network Security Board", true, List.of())),
				List.of(new Approver("jmin@example.com", "Jae-min Kim", LocalDate.of(2023, 1, 1), null)));
		return new EnvelopeCatalog(directory, List.of(securityGroups, firewall), List.of(), List.of());
	}

}
