package org.envelopereview.action;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActionHashTests {

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

}
