package org.envelopereview.review.recommend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.action.Action;
import org.envelopereview.review.ReviewLauncher;
import org.envelopereview.review.ReviewOutcome;
import org.envelopereview.review.RunStatus;
import org.envelopereview.review.fixtures.ActionTable;
import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.review.recommend.Recommendation.Outcome;
import org.envelopereview.review.recommend.Recommendation.ScopeChange;
import org.envelopereview.support.DatabaseContract;
import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;
import org.envelopereview.support.TestOutput;
import org.envelopereview.system.ReviewPaths;

import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.ActionBuilder.action;

/**
 * Keep, narrow or retire (SPEC §9), reviewing 2026-Q3 with the default look-back (2025-Q3
 * onwards) and dormancy (two periods). Envelope PA-REC-001 declares one ingress class
 * (10.0.0.0/16, ports 443 and 8443-8444, eu-west-1 and eu-central-1), route.remove, and
 * two agents; each case changes what its agents did or what its file says.
 */
class RecommendationTests {

	static final String ID = "PA-REC-001";

	static final String ACTIVE_REVIEW = "review: {cadenceDays: 90, lastReviewedAt: 2026-07-15, lastReviewedBy: jmin@example.com}";

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
			try (var boards = new ClassPathResource("review/envelopes/boards.yaml").getInputStream()) {
				Files.copy(boards, envelopes.resolve("boards.yaml"));
			}
		}

		@Test
		default void shouldNarrowToTheHalfOfTheBlockItsAgentsUsedAndKeepWhatWasUsedOnceInTheLookBack() {
			writeEnvelope("approval: {approver: jmin@example.com, approvedAt: 2025-05-02, changeRef: CHG-1}",
					ACTIVE_REVIEW, "2027-05-02");
			ActionTable.insert(bean(Jdbi.class), List.of(
					// before the look-back (2025-Q2): does not count as use of the upper
					// half
					opened("r-01", "2025-06-20T10:00:00Z", "10.0.200.0/24", "443", "eu-west-1", "failover-agent"),
					// used once, three quarters back: near-miss, none of these is in the
					// diff
					opened("r-02", "2026-01-20T10:00:00Z", "10.0.64.0/18", "8443-8444", "eu-central-1",
							"standby-agent"),
					opened("r-03", "2026-07-03T10:00:00Z", "10.0.0.0/18", "443", "eu-west-1", "failover-agent"),
					// out of scope: opening the world is no use of 10.0.128.0/17
					opened("r-04", "2026-07-04T10:00:00Z", "0.0.0.0/0", "443", "eu-west-1", "failover-agent"),
					// a failed attempt changes nothing
					action().id("r-05").at("2026-07-05T10:00:00Z").envelope(ID).cidr("10.0.128.0/17").failed().build(),
					removed("r-06", "2026-07-06T10:00:00Z")));

			Recommendation recommendation = review();

			assertThat(recommendation.outcome()).isEqualTo(Outcome.NARROW);
			assertThat(recommendation.changes()).containsExactly(
					new ScopeChange("cidrs", "10.0.128.0/17", "CIDR 10.0.128.0/17 never used since 2025-Q3"));
			assertThat(recommendation.proposal())
				.containsExactly("security_group.ingress.add: cidrs 10.0.0.0/16 → 10.0.0.0/17");
			assertThat(recommendation.lookBack().since()).isEqualTo("2025-Q3");
			JsonNode json = findingsJson().get("envelopes").get(0);
			assertThat(json.get("envelope").asString()).isEqualTo(ID);
			assertThat(json.get("recommendation").get("outcome").asString()).isEqualTo("narrow");
			assertThat(json.get("recommendation").get("changes").get(0).get("remove").asString())
				.isEqualTo("10.0.128.0/17");
		}

		@Test
		default void shouldNameEachDimensionNeverUsedSinceTheApprovalWhenThatIsInsideTheLookBack() {
			writeEnvelope("approval: {approver: jmin@example.com, approvedAt: 2026-02-10, changeRef: CHG-1}",
					ACTIVE_REVIEW, "2027-05-02");
			ActionTable.insert(bean(Jdbi.class), List
				.of(opened("r-01", "2026-07-03T10:00:00Z", "10.0.0.0/16", "443", "eu-west-1", "failover-agent")));

			Recommendation recommendation = review();

			assertThat(recommendation.outcome()).isEqualTo(Outcome.NARROW);
			assertThat(recommendation.changes()).extracting(ScopeChange::explanation)
				.containsExactly("type route.remove never used since approval on 2026-02-10",
						"ports 8443-8444 never used since approval on 2026-02-10",
						"region eu-central-1 never used since approval on 2026-02-10",
						"agent standby-agent never acted since approval on 2026-02-10");
			assertThat(recommendation.proposal()).containsExactly(
					"security_group.ingress.add: ports 443, 8443-8444 → 443; regions eu-west-1, eu-central-1 → eu-west-1",
					"route.remove: remove the class", "agents: failover-agent, standby-agent → failover-agent");
		}

		@Test
		default void shouldKeepAnEnvelopeWhoseDeclaredScopeWasAllUsed() {
			writeEnvelope("approval: {approver: jmin@example.com, approvedAt: 2025-05-02, changeRef: CHG-1}",
					ACTIVE_REVIEW, "2027-05-02");
			ActionTable.insert(bean(Jdbi.class), everythingUsed());

			Recommendation recommendation = review();

			assertThat(recommendation.outcome()).isEqualTo(Outcome.KEEP);
			assertThat(recommendation.changes()).isEmpty();
			assertThat(recommendation.reasons())
				.containsExactly("every declared action type, CIDR, port, region and agent was used since 2025-Q3");
		}

		@Test
		default void shouldRetireAnEnvelopeDormantForTwoPeriodsButNotOneDormantForOne() {
			writeEnvelope("approval: {approver: jmin@example.com, approvedAt: 2025-05-02, changeRef: CHG-1}",
					ACTIVE_REVIEW, "2027-05-02");
			// everything used in 2026-Q1, nothing since
			ActionTable.insert(bean(Jdbi.class), everythingUsed().stream().map(RecommendationTests::inQ1).toList());

			Recommendation dormant = review();

			assertThat(dormant.outcome()).isEqualTo(Outcome.RETIRE);
			assertThat(dormant.reasons()).containsExactly(
					"no action under it in 2026-Q2, 2026-Q3: dormant for 2 consecutive periods (ENV-DORMANT)");
			assertThat(dormant.changes()).isEmpty();

			// near-miss: one failed attempt in 2026-Q2 is use, as ENV-DORMANT counts it
			ActionTable.insert(bean(Jdbi.class), List
				.of(action().id("r-q2").at("2026-05-05T10:00:00Z").agent("retry-agent").envelope(ID).failed().build()));
			assertThat(review().outcome()).isEqualTo(Outcome.KEEP);
		}

		@Test
		default void shouldRetireAnExpiredEnvelopeButNotOneValidThroughThePeriodsLastDay() {
			writeEnvelope("approval: {approver: jmin@example.com, approvedAt: 2025-05-02, changeRef: CHG-1}",
					ACTIVE_REVIEW, "2026-08-31");
			ActionTable.insert(bean(Jdbi.class), everythingUsed());

			Recommendation expired = review();

			assertThat(expired.outcome()).isEqualTo(Outcome.RETIRE);
			assertThat(expired.reasons()).singleElement().asString().endsWith("(ENV-EXPIRED)").contains("2026-08-31");

			writeEnvelope("approval: {approver: jmin@example.com, approvedAt: 2025-05-02, changeRef: CHG-1}",
					ACTIVE_REVIEW, "2026-09-30");
			assertThat(review().outcome()).isEqualTo(Outcome.KEEP);
		}

		@Test
		default void shouldRetireAnEnvelopeWhoseApproverLeftUnlessAnActiveApproverReviewedItSince() {
			// tbrandt@example.com is active until 2026-03-31
			String formerApprover = "approval: {approver: tbrandt@example.com, approvedAt: 2025-05-02, changeRef: CHG-1}";
			writeEnvelope(formerApprover,
					"review: {cadenceDays: 365, lastReviewedAt: 2026-01-05, lastReviewedBy: dpark@example.com}",
					"2027-05-02");
			ActionTable.insert(bean(Jdbi.class), everythingUsed());

			Recommendation left = review();

			assertThat(left.outcome()).isEqualTo(Outcome.RETIRE);
			assertThat(left.reasons()).singleElement()
				.asString()
				.contains("tbrandt@example.com")
				.endsWith("no active approver has re-approved it since (ENV-APPROVER-INACTIVE)");

			writeEnvelope(formerApprover,
					"review: {cadenceDays: 365, lastReviewedAt: 2026-04-20, lastReviewedBy: dpark@example.com}",
					"2027-05-02");
			assertThat(review().outcome()).isEqualTo(Outcome.KEEP);
		}

		default Recommendation review() {
			ReviewOutcome outcome = bean(ReviewLauncher.class).run(Fixtures.Q3, null, false);
			assertThat(outcome.status()).as(String.valueOf(outcome.failure())).isEqualTo(RunStatus.COMPLETED);
			return bean(Recommendations.class).of(outcome.runId()).get(ID);
		}

		default JsonNode findingsJson() {
			Path file = bean(ReviewPaths.class).outputDir().resolve("2026-Q3/payments-cab/findings.json");
			try {
				return JsonMapper.builder().build().readTree(Files.readString(file, StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		default void writeEnvelope(String approval, String review, String expiresAt) {
			String text = """
					apiVersion: envelope-review/v1
					id: %s
					title: Recommendation case
					board: payments-cab
					owner: network-platform
					tier: 2
					%s
					%s
					expiresAt: %s
					agents: [failover-agent, standby-agent]
					modelVersions: ["orchestrator-2.3.*"]
					actions:
					  - type: security_group.ingress.add
					    scope:
					      cidrs: ["10.0.0.0/16"]
					      ports: ["443", "8443-8444"]
					      regions: [eu-west-1, eu-central-1]
					  - type: route.remove
					""".formatted(ID, approval, review, expiresAt);
			try {
				Files.writeString(bean(ReviewPaths.class).envelopesDir().resolve("pa-rec-001.yaml"), text);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/** Every declared value, in 2026-Q3. */
	static List<Action> everythingUsed() {
		return List.of(opened("u-01", "2026-07-03T10:00:00Z", "10.0.0.0/16", "443", "eu-west-1", "failover-agent"),
				opened("u-02", "2026-07-04T10:00:00Z", "10.0.7.0/24", "8443-8444", "eu-central-1", "standby-agent"),
				removed("u-03", "2026-07-05T10:00:00Z"));
	}

	static Action opened(String id, String at, String cidr, String ports, String region, String agent) {
		return action().id(id).at(at).envelope(ID).cidr(cidr).ports(ports).region(region).agent(agent).build();
	}

	static Action removed(String id, String at) {
		return action().id(id)
			.at(at)
			.envelope(ID)
			.type("route.remove")
			.resource("rtb-0a1")
			.cidr(null)
			.ports(null)
			.build();
	}

	/** The action three months earlier, in 2026-Q1. */
	static Action inQ1(Action action) {
		return action().id(action.id())
			.at(action.occurredAt().minus(java.time.Duration.ofDays(182)).toString())
			.envelope(ID)
			.type(action.type())
			.resource(action.resource())
			.cidr(action.cidr())
			.ports(action.ports())
			.region(action.region())
			.agent(action.agent())
			.build();
	}

	@Nested
	@TestPropertySource(properties = "review.envelopes-dir=target/recommendation-tests/h2/envelopes")
	class OnH2 extends H2IntegrationTest implements Scenarios {

	}

	@Nested
	@TestPropertySource(properties = "review.envelopes-dir=target/recommendation-tests/postgresql/envelopes")
	class OnPostgres extends PostgresIntegrationTest implements Scenarios {

	}

}
