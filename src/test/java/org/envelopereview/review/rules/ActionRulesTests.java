package org.envelopereview.review.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.envelopereview.action.Action;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.Severity;
import org.envelopereview.review.fixtures.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.ActionBuilder.action;
import static org.envelopereview.review.fixtures.EnvelopeBuilder.envelope;
import static org.envelopereview.review.fixtures.EnvelopeBuilder.ingressClass;

class ActionRulesTests {

	static List<Breach> judge(ActionRule rule, Action action, Envelope envelope) {
		return judge(rule, action, envelope, null);
	}

	static List<Breach> judge(ActionRule rule, Action action, Envelope envelope, Instant revertedAt) {
		List<Breach> breaches = new ArrayList<>();
		rule.evaluate(action, new ActionContext(Fixtures.Q3, envelope, Fixtures.directory(), revertedAt),
				breaches::add);
		assertThat(codes(breaches)).as("codes declared by %s", rule.getClass().getSimpleName())
			.isSubsetOf(rule.codes());
		return breaches;
	}

	static List<Breach> reconciled(ActionRule rule, Action action, Envelope envelope, Reconciliation reconciliation) {
		List<Breach> breaches = new ArrayList<>();
		rule.evaluate(action, new ActionContext(Fixtures.Q3, envelope, Fixtures.directory(), null, reconciliation),
				breaches::add);
		assertThat(codes(breaches)).isSubsetOf(rule.codes());
		return breaches;
	}

	static List<FindingCode> codes(List<Breach> breaches) {
		return breaches.stream().map(Breach::code).toList();
	}

	@Test
	void shouldFindNothingAboutAnActionThatFitsItsEnvelope() {
		List<ActionRule> all = List.of(new NoEnvelopeRule(), new ActionTypeRule(), new ScopeRule(), new AgentRule(),
				new ModelRule(), new AfterExpiryRule(), new UnapprovedRule(), new Tier4ChangeRule(),
				new NotRevertedRule(), new RationaleRule(), new LogSuppressionRule());
		for (ActionRule rule : all) {
			assertThat(judge(rule, action().build(), envelope().build())).as(rule.getClass().getSimpleName()).isEmpty();
		}
	}

	@Nested
	class NoEnvelope {

		@Test
		void shouldFlagAnActionThatNamesNoEnvelope() {
			List<Breach> breaches = judge(new NoEnvelopeRule(), action().envelope(null).build(), null);
			assertThat(codes(breaches)).containsExactly(FindingCode.OOS_NO_ENVELOPE);
			assertThat(breaches.get(0).explanation()).contains("a-000001", "failover-agent", "under no envelope");
		}

		@Test
		void shouldNotFlagAnActionThatNamesAnEnvelopeEvenAnUnknownOne() {
			assertThat(judge(new NoEnvelopeRule(), action().envelope("NO-SUCH-ENVELOPE").build(), null)).isEmpty();
		}

	}

	@Nested
	class FailedAttempts {

		@Test
		void shouldSayAFailedAttemptWasTriedWithItsErrorCode() {
			List<Breach> breaches = judge(new NoEnvelopeRule(), action().envelope(null).failed().build(), null);
			assertThat(breaches.get(0).explanation()).isEqualTo("a-000001 (sg-0a1b2c3d): failover-agent tried "
					+ "security_group.ingress.add under no envelope (Client.UnauthorizedOperation)");
			assertThat(breaches.get(0).evidence()).containsEntry("outcome", "failed")
				.containsEntry("errorCode", "Client.UnauthorizedOperation");
		}

		@Test
		void shouldSayAChangeThatTookEffectRanWithoutAnErrorCode() {
			List<Breach> breaches = judge(new NoEnvelopeRule(), action().envelope(null).build(), null);
			assertThat(breaches.get(0).explanation())
				.isEqualTo("a-000001 (sg-0a1b2c3d): failover-agent ran security_group.ingress.add under no envelope");
			assertThat(breaches.get(0).evidence()).doesNotContainKey("errorCode");
		}

		@Test
		void shouldNotSayAFailedAttemptOpenedAnything() {
			List<Breach> breaches = judge(new ScopeRule(), action().cidr("0.0.0.0/0").ports("443").failed().build(),
					envelope().build());
			assertThat(breaches).extracting(Breach::explanation)
				.allSatisfy((explanation) -> assertThat(explanation)
					.startsWith(
							"a-000001 (sg-0a1b2c3d): tried security_group.ingress.add (Client.UnauthorizedOperation): ")
					.doesNotContain("sg-0a1b2c3d opened"));
			assertThat(breaches.get(0).explanation()).contains("sg-0a1b2c3d would have opened 0.0.0.0/0:443");
		}

	}

	@Nested
	class Evidence {

		@Test
		void shouldShowWhatAnOutOfScopeActionOpenedNormalisedAndAsRecorded() {
			Action action = action().type("route.add")
				.protocol("tcp")
				.ports("22")
				.cidr("0.0.0.0/0")
				.recordedCidr("208.236.235.254/0")
				.build();
			List<Breach> breaches = judge(new ActionTypeRule(), action, envelope().build());
			assertThat(breaches.get(0).evidence()).containsEntry("protocol", "tcp")
				.containsEntry("ports", "22")
				.containsEntry("cidr", "0.0.0.0/0")
				.containsEntry("recordedCidr", "208.236.235.254/0");
		}

		@Test
		void shouldNotRepeatARecordedCidrThatIsTheNormalisedOne() {
			Action action = action().type("route.add").cidr("10.0.0.0/8").recordedCidr("10.0.0.0/8").build();
			assertThat(judge(new ActionTypeRule(), action, envelope().build()).get(0).evidence())
				.containsEntry("cidr", "10.0.0.0/8")
				.doesNotContainKey("recordedCidr");
		}

	}

	@Nested
	class ActionType {

		@Test
		void shouldFlagATypeTheEnvelopeDoesNotAuthorize() {
			List<Breach> breaches = judge(new ActionTypeRule(), action().type("route.add").build(), envelope().build());
			assertThat(codes(breaches)).containsExactly(FindingCode.OOS_ACTION_TYPE);
			assertThat(breaches.get(0).severity()).isEqualTo(Severity.CRITICAL);
			assertThat(breaches.get(0).explanation()).contains("route.add", "security_group.ingress.add");
		}

		@Test
		void shouldStillFlagAFailedAttemptOfAnUnauthorizedType() {
			assertThat(new ActionTypeRule().judgesFailedAttempts()).isTrue();
			assertThat(judge(new ActionTypeRule(), action().type("route.add").failed().build(), envelope().build()))
				.hasSize(1);
		}

		@Test
		void shouldNotFlagAnAuthorizedType() {
			assertThat(judge(new ActionTypeRule(), action().build(), envelope().build())).isEmpty();
		}

	}

	@Nested
	class Scope {

		@Test
		void shouldExplainAnOpenedCidrOutsideTheEnvelopeWithTheConcreteValues() {
			List<Breach> breaches = judge(new ScopeRule(), action().cidr("0.0.0.0/0").ports("443").build(),
					envelope().build());
			assertThat(codes(breaches)).containsExactly(FindingCode.OOS_CIDR);
			assertThat(breaches.get(0).explanation())
				.isEqualTo("a-000001 (sg-0a1b2c3d): sg-0a1b2c3d opened 0.0.0.0/0:443 — envelope PA-FAILOVER-007 "
						+ "allows only 10.0.0.0/16 for security_group.ingress.add");
			assertThat(breaches.get(0).evidence()).containsEntry("cidr", "0.0.0.0/0")
				.containsEntry("allowed.cidrs", "10.0.0.0/16");
		}

		@Test
		void shouldFlagEachDimensionOutsideTheScopeOnce() {
			Action action = action().resource("sg-ffff0000")
				.cidr("192.168.0.0/24")
				.ports("22")
				.protocol("udp")
				.region("us-east-1")
				.build();
			assertThat(codes(judge(new ScopeRule(), action, envelope().build()))).containsExactly(
					FindingCode.OOS_RESOURCE, FindingCode.OOS_CIDR, FindingCode.OOS_PORT, FindingCode.OOS_PROTOCOL,
					FindingCode.OOS_REGION);
		}

		@Test
		void shouldRateAnOutOfRegionActionCritical() {
			List<Breach> breaches = judge(new ScopeRule(), action().region("us-east-1").build(), envelope().build());
			assertThat(breaches).singleElement().satisfies((breach) -> {
				assertThat(breach.code()).isEqualTo(FindingCode.OOS_REGION);
				assertThat(breach.severity()).isEqualTo(Severity.CRITICAL);
			});
		}

		@Test
		void shouldNotJudgeScopeWhenTheTypeIsNotAuthorized() {
			assertThat(
					judge(new ScopeRule(), action().type("route.add").region("us-east-1").build(), envelope().build()))
				.isEmpty();
		}

	}

	@Nested
	class Agent {

		@Test
		void shouldFlagAnAgentTheEnvelopeDoesNotList() {
			assertThat(codes(judge(new AgentRule(), action().agent("rogue-agent").build(), envelope().build())))
				.containsExactly(FindingCode.OOS_AGENT);
		}

		@Test
		void shouldAllowAnyAgentWhenTheEnvelopeOmitsAgents() {
			assertThat(judge(new AgentRule(), action().agent("rogue-agent").build(), envelope().agents(null).build()))
				.isEmpty();
		}

		@Test
		void shouldAllowNoAgentWhenTheEnvelopeListsNone() {
			assertThat(judge(new AgentRule(), action().build(), envelope().agents(List.of()).build())).hasSize(1);
		}

		@Test
		void shouldTakeASessionOfAPrincipalTheEnvelopeNamesAsItsAgent() {
			Envelope governing = envelope().principals("arn:aws:iam::*:role/failover-agent").build();
			Action instanceSession = action().agent("i-06815aa7cf7d21f8f")
				.recordedBy("aws", "arn:aws:iam::123456789012:role/failover-agent", "123456789012", "ev-1")
				.envelope("PA-FAILOVER-007")
				.build();
			Action sdkSession = action().agent("aws-go-sdk-1722375070115152000")
				.recordedBy("aws", "arn:aws:iam::210987654321:role/failover-agent", "210987654321", "ev-2")
				.envelope("PA-FAILOVER-007")
				.build();

			assertThat(judge(new AgentRule(), instanceSession, governing)).isEmpty();
			assertThat(judge(new AgentRule(), sdkSession, governing)).isEmpty();
		}

		@Test
		void shouldStillFlagASessionOfAPrincipalTheEnvelopeDoesNotName() {
			Envelope governing = envelope().principals("arn:aws:iam::*:role/failover-agent").build();
			Action otherRole = action().agent("i-06815aa7cf7d21f8f")
				.recordedBy("aws", "arn:aws:iam::123456789012:role/failover-agent-test", "123456789012", "ev-3")
				.envelope("PA-FAILOVER-007")
				.build();

			List<Breach> breaches = judge(new AgentRule(), otherRole, governing);

			assertThat(codes(breaches)).containsExactly(FindingCode.OOS_AGENT);
			assertThat(breaches.get(0).evidence())
				.containsEntry("principal", "arn:aws:iam::123456789012:role/failover-agent-test")
				.containsEntry("account", "123456789012");
		}

	}

	@Nested
	class Model {

		@Test
		void shouldFlagAModelVersionOutsideTheGlobs() {
			assertThat(codes(judge(new ModelRule(), action().model("orchestrator-2.4.0").build(), envelope().build())))
				.containsExactly(FindingCode.OOS_MODEL);
		}

		@Test
		void shouldFlagAMissingModelVersionWhenVersionsAreConstrained() {
			assertThat(judge(new ModelRule(), action().model(null).build(), envelope().build())).hasSize(1);
		}

		@Test
		void shouldNotAskAProviderLogForTheModelItCannotKnowButJudgeOneItNames() {
			Action recorded = action()
				.recordedBy("aws", "arn:aws:iam::111122223333:role/failover-agent", "111122223333", "ev-1")
				.build();
			Action named = action()
				.recordedBy("aws", "arn:aws:iam::111122223333:role/failover-agent", "111122223333", "ev-2")
				.model("orchestrator-2.4.0")
				.build();

			assertThat(judge(new ModelRule(), recorded, envelope().build())).isEmpty();
			assertThat(codes(judge(new ModelRule(), named, envelope().build()))).containsExactly(FindingCode.OOS_MODEL);
		}

		@Test
		void shouldAcceptAVersionMatchingAGlob() {
			assertThat(judge(new ModelRule(), action().model("orchestrator-2.3.17").build(), envelope().build()))
				.isEmpty();
		}

	}

	@Nested
	class AfterExpiry {

		private final Envelope expiringMidQuarter = envelope().expiresAt(java.time.LocalDate.of(2026, 8, 15)).build();

		@Test
		void shouldFlagAnActionTheDayAfterExpiry() {
			assertThat(codes(
					judge(new AfterExpiryRule(), action().at("2026-08-16T00:00:00Z").build(), this.expiringMidQuarter)))
				.containsExactly(FindingCode.OOS_AFTER_EXPIRY);
		}

		@Test
		void shouldAcceptAnActionOnTheLastDayBecauseExpiresAtIsInclusive() {
			assertThat(
					judge(new AfterExpiryRule(), action().at("2026-08-15T23:59:59Z").build(), this.expiringMidQuarter))
				.isEmpty();
		}

	}

	@Nested
	class Unapproved {

		private final Envelope tier3 = envelope().with(ingressClass().tier(3)).build();

		@Test
		void shouldFlagATier3ActionWithoutApprovalRef() {
			assertThat(codes(judge(new UnapprovedRule(), action().build(), this.tier3)))
				.containsExactly(FindingCode.OOS_UNAPPROVED);
		}

		@Test
		void shouldFlagATier3ActionApprovedBySomeoneNoLongerActive() {
			List<Breach> breaches = judge(new UnapprovedRule(),
					action().approval("APR-1", Fixtures.FORMER_APPROVER).build(), this.tier3);
			assertThat(breaches).singleElement()
				.satisfies((breach) -> assertThat(breach.explanation()).contains(Fixtures.FORMER_APPROVER));
		}

		@Test
		void shouldAcceptATier3ActionApprovedByAnActiveApprover() {
			assertThat(judge(new UnapprovedRule(), action().approval("APR-1", Fixtures.ACTIVE_APPROVER).build(),
					this.tier3))
				.isEmpty();
		}

		@Test
		void shouldUseTheEnvelopeDefaultTierForAnUnauthorizedType() {
			Envelope defaultTier3 = envelope().tier(3).with(ingressClass().tier(2)).build();
			assertThat(judge(new UnapprovedRule(), action().type("route.add").build(), defaultTier3)).hasSize(1);
			assertThat(judge(new UnapprovedRule(), action().build(), defaultTier3)).isEmpty();
		}

	}

	@Nested
	class Tier4 {

		private final Envelope tier4 = envelope().with(ingressClass().tier(4)).build();

		@Test
		void shouldFlagATier4ActionWithoutChangeRef() {
			assertThat(codes(judge(new Tier4ChangeRule(), action().approval(null, Fixtures.ACTIVE_APPROVER).build(),
					this.tier4)))
				.containsExactly(FindingCode.OOS_TIER4_NO_CHANGE);
		}

		@Test
		void shouldFlagATier4ActionWithChangeRefButNoActiveApprover() {
			assertThat(judge(new Tier4ChangeRule(),
					action().changeRef("CHG-1").approval(null, Fixtures.FORMER_APPROVER).build(), this.tier4))
				.hasSize(1);
		}

		@Test
		void shouldAcceptATier4ActionWithChangeRefAndActiveApprover() {
			assertThat(judge(new Tier4ChangeRule(),
					action().changeRef("CHG-1").approval(null, Fixtures.ACTIVE_APPROVER).build(), this.tier4))
				.isEmpty();
		}

	}

	@Nested
	class NotReverted {

		private final Envelope temporary = envelope().with(ingressClass().maxDuration(Duration.ofMinutes(30))).build();

		@Test
		void shouldFlagATemporaryChangeRevertedOneSecondAfterTheDeadline() {
			List<Breach> breaches = judge(new NotRevertedRule(), action().build(), this.temporary,
					Instant.parse("2026-07-03T04:17:01Z"));
			assertThat(codes(breaches)).containsExactly(FindingCode.OOS_NOT_REVERTED);
			assertThat(breaches.get(0).evidence()).containsEntry("deadline", "2026-07-03T04:17:00Z");
		}

		@Test
		void shouldAcceptARevertOneSecondBeforeTheDeadline() {
			assertThat(judge(new NotRevertedRule(), action().build(), this.temporary,
					Instant.parse("2026-07-03T04:16:59Z")))
				.isEmpty();
		}

		@Test
		void shouldAcceptARevertExactlyAtTheDeadline() {
			assertThat(judge(new NotRevertedRule(), action().build(), this.temporary,
					Instant.parse("2026-07-03T04:17:00Z")))
				.isEmpty();
		}

		@Test
		void shouldFlagATemporaryChangeNeverReverted() {
			assertThat(judge(new NotRevertedRule(), action().build(), this.temporary, null)).hasSize(1);
		}

		@Test
		void shouldUseRevertByWhenItIsEarlierThanMaxDuration() {
			Action action = action().revertBy("2026-07-03T04:00:00Z").build();
			assertThat(judge(new NotRevertedRule(), action, this.temporary, Instant.parse("2026-07-03T04:00:01Z")))
				.singleElement()
				.satisfies((breach) -> assertThat(breach.evidence()).containsEntry("deadline", "2026-07-03T04:00:00Z"));
			assertThat(judge(new NotRevertedRule(), action, this.temporary, Instant.parse("2026-07-03T04:00:00Z")))
				.isEmpty();
		}

		@Test
		void shouldApplyToAnActionWithNoEnvelopeWhenItCarriesRevertBy() {
			Action action = action().envelope(null).revertBy("2026-07-03T04:00:00Z").build();
			assertThat(judge(new NotRevertedRule(), action, null, null)).hasSize(1);
			assertThat(judge(new NotRevertedRule(), action().envelope(null).build(), null, null)).isEmpty();
		}

		@Test
		void shouldBelongToThePeriodInWhichTheDeadlineFalls() {
			Action lateInQ2 = action().at("2026-06-30T23:50:00Z").build();
			Action lateInQ3 = action().at("2026-09-30T23:50:00Z").build();
			// deadline 00:20 on 1 July: a Q3 finding; deadline 00:20 on 1 October: not
			// Q3's
			assertThat(judge(new NotRevertedRule(), lateInQ2, this.temporary, null)).hasSize(1);
			assertThat(judge(new NotRevertedRule(), lateInQ3, this.temporary, null)).isEmpty();
			assertThat(new NotRevertedRule().judgesActionsBeforeThePeriod()).isTrue();
		}

		@Test
		void shouldNotAskARevertToBeRevertedInTurn() {
			Action revert = action().type("mesh.mtls.modify").reverts("a-0000010").build();
			Envelope mesh = envelope()
				.with(new org.envelopereview.review.fixtures.EnvelopeBuilder.ClassBuilder("mesh.mtls.modify")
					.maxDuration(Duration.ofHours(2)))
				.build();
			assertThat(judge(new NotRevertedRule(), revert, mesh, null)).isEmpty();
			assertThat(judge(new NotRevertedRule(), action().type("mesh.mtls.modify").build(), mesh, null)).hasSize(1);
		}

		@Test
		void shouldNotJudgeFailedAttemptsWhichChangedNothing() {
			assertThat(new NotRevertedRule().judgesFailedAttempts()).isFalse();
		}

	}

	@Nested
	class Rationale {

		@Test
		void shouldFlagConfidenceBelowTheMinimum() {
			List<Breach> breaches = judge(new RationaleRule(), action().rationale("signal", 0.79).build(),
					envelope().build());
			assertThat(codes(breaches)).containsExactly(FindingCode.OOS_RATIONALE);
			assertThat(breaches.get(0).explanation()).contains("0.79", "0.8");
		}

		@Test
		void shouldAcceptConfidenceExactlyAtTheMinimum() {
			assertThat(judge(new RationaleRule(), action().rationale("signal", 0.80).build(), envelope().build()))
				.isEmpty();
		}

		@Test
		void shouldFlagAMissingSignalOrConfidence() {
			assertThat(judge(new RationaleRule(), action().rationale(null, 0.99).build(), envelope().build()))
				.hasSize(1);
			assertThat(judge(new RationaleRule(), action().rationale("signal", null).build(),
					envelope().minConfidence(null).build()))
				.hasSize(1);
		}

	}

	@Nested
	class Reconciled {

		private static final String EVENT = "7e96f0e7-4d78-423d-b3f5-391370685b30";

		private final Action unreported = action().id(EVENT)
			.recordedBy("aws", "arn:aws:iam::123837392027:role/failover-agent", "123837392027", EVENT)
			.envelope("PA-FAILOVER-007")
			.build();

		private final Reconciliation joined = Reconciliation.joined("a-000009", java.util.Map.of());

		@Test
		void shouldReportAProviderChangeNoAgentRecordAccountsForInsteadOfItsRationale() {
			List<Breach> breaches = reconciled(new UnreportedChangeRule(), this.unreported, envelope().build(),
					Reconciliation.NONE);
			assertThat(codes(breaches)).containsExactly(FindingCode.LOG_UNREPORTED);
			assertThat(breaches.get(0).severity()).isEqualTo(Severity.CRITICAL);
			assertThat(breaches.get(0).explanation()).contains(EVENT, "arn:aws:iam::123837392027:role/failover-agent",
					"account 123837392027", "PA-FAILOVER-007");
			assertThat(reconciled(new RationaleRule(), this.unreported, envelope().build(), Reconciliation.NONE))
				.isEmpty();
		}

		@Test
		void shouldNotReportAJoinedPairAFailedAttemptOrAnOptionalRationaleEnvelope() {
			assertThat(reconciled(new UnreportedChangeRule(), this.unreported, envelope().build(), this.joined))
				.isEmpty();
			assertThat(new UnreportedChangeRule().judgesFailedAttempts()).isFalse();
			Envelope optional = envelope().rationale(Envelope.RationalePolicy.OPTIONAL).build();
			assertThat(reconciled(new UnreportedChangeRule(), this.unreported, optional, Reconciliation.NONE))
				.isEmpty();
			assertThat(judge(new RationaleRule(), action().rationale(null, null).build(), optional)).isEmpty();
			// no envelope at all stays OOS-NO-ENVELOPE
			assertThat(reconciled(new UnreportedChangeRule(), this.unreported, null, Reconciliation.NONE)).isEmpty();
		}

		@Test
		void shouldJudgeTheAgentsRationaleOfAJoinedPair() {
			Action joinedAction = action().id(EVENT)
				.recordedBy("aws", null, "123837392027", EVENT)
				.envelope("PA-FAILOVER-007")
				.rationale("signal", 0.5)
				.build();
			assertThat(codes(reconciled(new RationaleRule(), joinedAction, envelope().build(), this.joined)))
				.containsExactly(FindingCode.OOS_RATIONALE);
		}

		@Test
		void shouldReportAnAgentClaimTheCoveringLogDoesNotHold() {
			Action claim = action().reportedAs(EVENT, null, "123837392027").build();
			Reconciliation covered = Reconciliation.unmatched(Instant.parse("2026-07-03T03:40:00Z"),
					Instant.parse("2026-07-03T03:50:00Z"), 0);
			List<Breach> breaches = reconciled(new UnconfirmedClaimRule(), claim, envelope().build(), covered);
			assertThat(codes(breaches)).containsExactly(FindingCode.LOG_UNCONFIRMED);
			assertThat(breaches.get(0).severity()).isEqualTo(Severity.HIGH);
			assertThat(breaches.get(0).explanation()).contains(EVENT, "account 123837392027",
					"covers eu-west-1 in account 123837392027 from 2026-07-03T03:40:00Z to 2026-07-03T03:50:00Z");
		}

		@Test
		void shouldNotReportAClaimOutsideCoverageOrQuarantinedOrFailed() {
			Action claim = action().reportedAs(EVENT, null, "123837392027").build();
			Instant from = Instant.parse("2026-07-03T03:40:00Z");
			Instant to = Instant.parse("2026-07-03T03:50:00Z");
			assertThat(reconciled(new UnconfirmedClaimRule(), claim, envelope().build(),
					Reconciliation.unmatched(null, null, 0)))
				.isEmpty();
			assertThat(reconciled(new UnconfirmedClaimRule(), claim, envelope().build(),
					Reconciliation.unmatched(from, to, 1)))
				.isEmpty();
			assertThat(reconciled(new UnconfirmedClaimRule(), action().build(), envelope().build(),
					Reconciliation.unmatched(from, to, 0)))
				.isEmpty();
			assertThat(new UnconfirmedClaimRule().judgesFailedAttempts()).isFalse();
		}

	}

	@Nested
	class LogSuppression {

		private final Envelope tier4Logging = envelope()
			.with(new org.envelopereview.review.fixtures.EnvelopeBuilder.ClassBuilder("logging.config.modify").tier(4))
			.build();

		@Test
		void shouldFlagLoggingChangesOutsideATier4Change() {
			Action action = action().type("logging.config.modify").build();
			assertThat(codes(judge(new LogSuppressionRule(), action, this.tier4Logging)))
				.containsExactly(FindingCode.LOG_SUPPRESSION);
			assertThat(judge(new LogSuppressionRule(), action().type("inspection.bypass").envelope(null).build(), null))
				.hasSize(1);
		}

		@Test
		void shouldAcceptALoggingChangeUnderATier4ChangeWithAnActiveApprover() {
			Action action = action().type("logging.config.modify")
				.changeRef("CHG-7")
				.approval(null, Fixtures.ACTIVE_APPROVER)
				.build();
			assertThat(judge(new LogSuppressionRule(), action, this.tier4Logging)).isEmpty();
		}

		@Test
		void shouldIgnoreOtherTypes() {
			assertThat(judge(new LogSuppressionRule(), action().envelope(null).build(), null)).isEmpty();
		}

	}

}
