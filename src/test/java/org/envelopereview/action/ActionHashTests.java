package org.envelopereview.action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ActionHashTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Action action(String cidr, Double confidence, Action.Outcome outcome) {
		return new Action("a-000001", Instant.parse("2026-07-03T03:47:00Z"), "failover-agent", "orchestrator-2.3.1",
				"PA-FAILOVER-007", "security_group.ingress.add", "sg-0a1b2c3d", "eu-west-1", "tcp", "443", cidr,
				new Action.Rationale("failover event FE-2026-0419-001", "primary degraded", confidence),
				Action.ApprovalRecord.NONE, null, Instant.parse("2026-07-03T04:17:00Z"), null, outcome, null, 17,
				"f".repeat(64), "e".repeat(64));
	}

	@Test
	void shouldWriteSortedKeysWithoutWhitespaceNullsOrChainFields() {
		Action action = action("10.0.2.0/24", 0.93, Action.Outcome.SUCCEEDED);

		String json = ActionHash.canonicalJson(action);

		assertThat(json)
			.isEqualTo("{\"agent\":\"failover-agent\",\"cidr\":\"10.0.2.0/24\",\"envelope\":\"PA-FAILOVER-007\","
					+ "\"id\":\"a-000001\",\"modelVersion\":\"orchestrator-2.3.1\",\"occurredAt\":\"2026-07-03T03:47:00Z\","
					+ "\"ports\":\"443\",\"protocol\":\"tcp\",\"rationale\":{\"confidence\":0.93,"
					+ "\"signal\":\"failover event FE-2026-0419-001\",\"text\":\"primary degraded\"},"
					+ "\"region\":\"eu-west-1\",\"resource\":\"sg-0a1b2c3d\",\"revertBy\":\"2026-07-03T04:17:00Z\","
					+ "\"type\":\"security_group.ingress.add\"}");
	}

	@Test
	void shouldWriteTheRecordedCidrOfAProviderRecordOnlyWhenItIsSet() {
		Action nativeRecord = action("0.0.0.0/0", 0.93, Action.Outcome.SUCCEEDED);
		Action provider = ActionHash.chain(new Action(nativeRecord.id(), nativeRecord.occurredAt(),
				nativeRecord.agent(), null, null, nativeRecord.type(), nativeRecord.resource(), nativeRecord.region(),
				"tcp", "22", "0.0.0.0/0", Action.Rationale.NONE, Action.ApprovalRecord.NONE, null, null, null,
				Action.Outcome.SUCCEEDED, null, 0, null, null, "208.236.235.254/0", Action.Provenance.AGENT), 1,
				ActionHash.GENESIS);

		assertThat(ActionHash.canonicalJson(nativeRecord)).doesNotContain("recordedCidr");
		assertThat(ActionHash.canonicalJson(provider))
			.contains("\"ports\":\"22\",\"protocol\":\"tcp\",\"recordedCidr\":\"208.236.235.254/0\","
					+ "\"region\":\"eu-west-1\"");
		assertThat(provider.recordedCidr()).isEqualTo("208.236.235.254/0");
		assertThat(ActionHash.verifies(provider)).isTrue();
	}

	@Test
	void shouldCoverTheIdentityFieldsWhereARecordCarriesThem() {
		Action plain = action("10.0.2.0/24", 0.93, Action.Outcome.SUCCEEDED);
		Action reported = withProvenance(plain, new Action.Provenance("agent", "arn:aws:iam::111122223333:role/fa",
				"111122223333", "ev-1", null, null));
		Action recorded = withProvenance(plain, new Action.Provenance("aws", "arn:aws:iam::111122223333:role/fa",
				"111122223333", "ev-1", "aws-cli/2.15", "198.51.100.7"));

		assertThat(ActionHash.canonicalJson(plain)).doesNotContain("account", "principal", "provider", "userAgent",
				"sourceIp");
		assertThat(ActionHash.canonicalJson(reported)).startsWith("{\"account\":\"111122223333\",\"agent\":")
			.contains("\"ports\":\"443\",\"principal\":\"arn:aws:iam::111122223333:role/fa\",\"protocol\":\"tcp\","
					+ "\"providerEventId\":\"ev-1\",\"rationale\"")
			.doesNotContain("\"provider\":");
		assertThat(ActionHash.canonicalJson(recorded))
			.contains("\"protocol\":\"tcp\",\"provider\":\"aws\",\"providerEventId\":\"ev-1\",")
			.contains(
					"\"revertBy\":\"2026-07-03T04:17:00Z\",\"sourceIp\":\"198.51.100.7\",\"type\":\"security_group.ingress.add\","
							+ "\"userAgent\":\"aws-cli/2.15\"}");
		assertThat(ActionHash.hash(reported, ActionHash.GENESIS))
			.isNotEqualTo(ActionHash.hash(plain, ActionHash.GENESIS));
	}

	private static Action withProvenance(Action action, Action.Provenance provenance) {
		return new Action(action.id(), action.occurredAt(), action.agent(), action.modelVersion(), action.envelopeId(),
				action.type(), action.resource(), action.region(), action.protocol(), action.ports(), action.cidr(),
				action.rationale(), action.approval(), action.changeRef(), action.revertBy(), action.reverts(),
				action.outcome(), action.errorCode(), action.seq(), action.prevHash(), action.hash(),
				action.recordedCidr(), provenance);
	}

	@Test
	void shouldWriteConfidenceAsAPlainDecimalAndAFailedOutcome() {
		Action action = action("10.0.2.0/24", 1.0, Action.Outcome.FAILED);

		String json = ActionHash.canonicalJson(action);

		assertThat(json).contains("\"confidence\":1,").contains("\"outcome\":\"failed\"");
		assertThat(ActionHash.canonicalJson(action("10.0.2.0/24", 0.0001, Action.Outcome.SUCCEEDED)))
			.contains("\"confidence\":0.0001,");
	}

	@Test
	void shouldHashTheCanonicalJsonFollowedByThePreviousHash() throws Exception {
		Action action = action("10.0.2.0/24", 0.93, Action.Outcome.SUCCEEDED);
		byte[] expected = java.security.MessageDigest.getInstance("SHA-256")
			.digest((ActionHash.canonicalJson(action) + ActionHash.GENESIS)
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));

		String hash = ActionHash.hash(action, ActionHash.GENESIS);

		assertThat(hash).isEqualTo(java.util.HexFormat.of().formatHex(expected)).matches("[0-9a-f]{64}");
	}

	@Test
	void shouldChangeTheHashWhenAnyContentChangesButNotWhenOnlyTheChainFieldsDo() {
		Action original = action("10.0.2.0/24", 0.93, Action.Outcome.SUCCEEDED);
		Action edited = action("10.0.3.0/24", 0.93, Action.Outcome.SUCCEEDED);
		Action renumbered = ActionHash.chain(original, 99, ActionHash.GENESIS);

		assertThat(ActionHash.hash(edited, ActionHash.GENESIS))
			.isNotEqualTo(ActionHash.hash(original, ActionHash.GENESIS));
		assertThat(renumbered.hash()).isEqualTo(ActionHash.hash(original, ActionHash.GENESIS));
		assertThat(ActionHash.hash(original, "1".repeat(64)))
			.isNotEqualTo(ActionHash.hash(original, ActionHash.GENESIS));
	}

	@Test
	void shouldVerifyAChainedActionAndRejectOneWhoseHashWasCopied() {
		Action chained = ActionHash.chain(action("10.0.2.0/24", 0.93, Action.Outcome.SUCCEEDED), 1, ActionHash.GENESIS);
		Action copied = ActionHash.chain(action("0.0.0.0/0", 0.93, Action.Outcome.SUCCEEDED), 1, ActionHash.GENESIS);
		Action forged = new Action(copied.id(), copied.occurredAt(), copied.agent(), copied.modelVersion(),
				copied.envelopeId(), copied.type(), copied.resource(), copied.region(), copied.protocol(),
				copied.ports(), copied.cidr(), copied.rationale(), copied.approval(), copied.changeRef(),
				copied.revertBy(), copied.reverts(), copied.outcome(), copied.errorCode(), 1, ActionHash.GENESIS,
				chained.hash());

		assertThat(ActionHash.verifies(chained)).isTrue();
		assertThat(ActionHash.verifies(forged)).isFalse();
	}

	/**
	 * Any combination of present and absent fields, with any text in them: every object's
	 * keys in code-point order, no null, every present field written once with its value.
	 */
	@Test
	void shouldWriteEveryPresentFieldOnceWithItsKeysInCodePointOrderForAnyAction() {
		Random random = new Random(2026);
		for (int i = 0; i < 2_000; i++) {
			Action action = randomAction(random);

			JsonNode json = JSON.readTree(ActionHash.canonicalJson(action));

			assertSortedWithoutNulls(json);
			assertThat(json.path("id").asString()).isEqualTo(action.id());
			assertThat(json.path("resource").isMissingNode()).isEqualTo(action.resource() == null);
			assertThat(json.path("approval").path("approver").isMissingNode())
				.isEqualTo(action.approval().approver() == null);
			assertThat(json.path("rationale").path("text").isMissingNode())
				.isEqualTo(action.rationale().text() == null);
			assertThat(json.path("outcome").isMissingNode()).isEqualTo(action.outcome() == Action.Outcome.SUCCEEDED);
			assertThat(json.path("errorCode").isMissingNode()).isEqualTo(action.errorCode() == null);
		}
	}

	/**
	 * The canonical text is written without a JSON generator for speed; it must stay,
	 * byte for byte, what Jackson's generator writes for the same fields, or every stored
	 * hash would stop verifying.
	 */
	@Test
	void shouldWriteTheSameTextAsJacksonsGeneratorForAnyAction() {
		Random random = new Random(20261207);
		for (int i = 0; i < 5_000; i++) {
			Action action = randomAction(random);

			assertThat(ActionHash.canonicalJson(action)).isEqualTo(jacksonCanonicalJson(action));
		}
	}

	/** Any combination of present and absent fields, with any text in them. */
	private static Action randomAction(Random random) {
		return new Action(text(random, false), Instant.ofEpochSecond(random.nextInt(1 << 30)), text(random, false),
				text(random, true), text(random, true), text(random, false), text(random, true), text(random, true),
				text(random, true), text(random, true), text(random, true),
				new Action.Rationale(text(random, true), text(random, true),
						random.nextBoolean() ? null : random.nextInt(100_001) / 1000.0),
				new Action.ApprovalRecord(text(random, true), text(random, true)), text(random, true),
				random.nextBoolean() ? null : Instant.ofEpochSecond(random.nextInt(1 << 30), random.nextInt(3) * 1000),
				text(random, true), random.nextBoolean() ? Action.Outcome.FAILED : Action.Outcome.SUCCEEDED,
				text(random, true), 0, null, null, text(random, true),
				new Action.Provenance(random.nextBoolean() ? Action.Provenance.AGENT_PROVIDER : text(random, false),
						text(random, true), text(random, true), text(random, true), text(random, true),
						text(random, true)));
	}

	/** The canonical JSON as Jackson's generator writes it: the reference. */
	private static String jacksonCanonicalJson(Action action) {
		java.io.StringWriter text = new java.io.StringWriter();
		try (tools.jackson.core.JsonGenerator json = JSON.createGenerator(text)) {
			json.writeStartObject();
			Action.Provenance provenance = action.provenance();
			string(json, "account", provenance.account());
			string(json, "agent", action.agent());
			Action.ApprovalRecord approval = action.approval();
			if (approval.approver() != null || approval.ref() != null) {
				json.writeName("approval");
				json.writeStartObject();
				string(json, "approver", approval.approver());
				string(json, "ref", approval.ref());
				json.writeEndObject();
			}
			string(json, "changeRef", action.changeRef());
			string(json, "cidr", action.cidr());
			string(json, "envelope", action.envelopeId());
			string(json, "errorCode", action.errorCode());
			string(json, "id", action.id());
			string(json, "modelVersion", action.modelVersion());
			string(json, "occurredAt", java.time.format.DateTimeFormatter.ISO_INSTANT.format(action.occurredAt()));
			string(json, "outcome", (action.outcome() == Action.Outcome.FAILED) ? "failed" : null);
			string(json, "ports", action.ports());
			string(json, "principal", provenance.principal());
			string(json, "protocol", action.protocol());
			string(json, "provider", action.providerRecorded() ? provenance.provider() : null);
			string(json, "providerEventId", provenance.providerEventId());
			Action.Rationale rationale = action.rationale();
			if (rationale.confidence() != null || rationale.signal() != null || rationale.text() != null) {
				json.writeName("rationale");
				json.writeStartObject();
				if (rationale.confidence() != null) {
					java.math.BigDecimal decimal = java.math.BigDecimal.valueOf(rationale.confidence())
						.stripTrailingZeros();
					json.writeName("confidence");
					json.writeRawValue(((decimal.scale() < 0) ? decimal.setScale(0) : decimal).toPlainString());
				}
				string(json, "signal", rationale.signal());
				string(json, "text", rationale.text());
				json.writeEndObject();
			}
			string(json, "recordedCidr", action.recordedCidr());
			string(json, "region", action.region());
			string(json, "resource", action.resource());
			string(json, "revertBy", (action.revertBy() != null)
					? java.time.format.DateTimeFormatter.ISO_INSTANT.format(action.revertBy()) : null);
			string(json, "reverts", action.reverts());
			string(json, "sourceIp", provenance.sourceIp());
			string(json, "type", action.type());
			string(json, "userAgent", provenance.userAgent());
			json.writeEndObject();
		}
		return text.toString();
	}

	private static void string(tools.jackson.core.JsonGenerator json, String name, String value) {
		if (value != null) {
			json.writeStringProperty(name, value);
		}
	}

	private static void assertSortedWithoutNulls(JsonNode object) {
		List<String> names = new ArrayList<>(object.propertyNames());
		assertThat(names).as(object.toString()).isSorted().doesNotHaveDuplicates();
		for (String name : names) {
			JsonNode value = object.get(name);
			assertThat(value.isNull()).as(name).isFalse();
			if (value.isObject()) {
				assertThat(value.isEmpty()).as(name).isFalse();
				assertSortedWithoutNulls(value);
			}
		}
	}

	/** Absent (when allowed) or any short text, quotes, controls and non-BMP included. */
	private static String text(Random random, boolean mayBeAbsent) {
		if (mayBeAbsent && random.nextBoolean()) {
			return null;
		}
		if (random.nextInt(3) == 0) {
			// most real text: printable ASCII only
			StringBuilder ascii = new StringBuilder();
			for (int i = 1 + random.nextInt(20); i > 0; i--) {
				ascii.append((char) (0x20 + random.nextInt(0x5F)));
			}
			return ascii.toString();
		}
		StringBuilder text = new StringBuilder();
		int length = 1 + random.nextInt(12);
		for (int i = 0; i < length; i++) {
			switch (random.nextInt(5)) {
				case 0 -> text.append((char) ('a' + random.nextInt(26)));
				case 4 -> text.append((char) (0x20 + random.nextInt(0x60)));
				case 1 -> text.append("\"\\\u0000\n\u202e".charAt(random.nextInt(5)));
				case 2 -> text.appendCodePoint(0x1F600 + random.nextInt(40));
				default -> text.append((char) (0x00C0 + random.nextInt(200)));
			}
		}
		return text.toString();
	}

}
