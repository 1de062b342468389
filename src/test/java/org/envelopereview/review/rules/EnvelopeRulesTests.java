package org.envelopereview.review.rules;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.PortRange;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.Severity;
import org.envelopereview.period.Period;
import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.review.scope.ExercisedScope.OpenRules;
import org.envelopereview.review.scope.ExercisedScope;
import org.envelopereview.review.scope.ModelVersionUse;
import org.envelopereview.review.scope.ScopeMeasurement;
import org.envelopereview.review.scope.ScopeMeasurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.review.fixtures.EnvelopeBuilder.envelope;
import static org.envelopereview.review.fixtures.EnvelopeBuilder.ingressClass;

class EnvelopeRulesTests {

	private static final ExercisedScope QUIET = scope(1, List.of(), List.of(), OpenRules.NONE, new TreeMap<>());

	static ExercisedScope scope(long actions, List<String> cidrs, List<PortRange> ports, OpenRules rules,
			SortedMap<String, OpenRules> byResource) {
		List<IPAddress> blocks = cidrs.stream().map((cidr) -> new IPAddressString(cidr).getAddress()).toList();
		return new ExercisedScope("2026-Q3", actions, new TreeSet<>(List.of("security_group.ingress.add")),
				new TreeSet<>(List.of("sg-0a1b2c3d")), new TreeSet<>(List.of("eu-west-1")),
				new TreeSet<>(List.of("failover-agent")), ScopeMeasurer.merge(blocks, true),
				ScopeMeasurer.merge(blocks, false), ScopeMeasurer.mergePorts(ports), rules, byResource);
	}

	static List<Breach> judge(EnvelopeRule rule, Envelope envelope, EnvelopeContext context) {
		List<Breach> breaches = new ArrayList<>();
		rule.evaluate(envelope, context, breaches::add);
		assertThat(breaches).extracting(Breach::code)
			.as("codes declared by %s", rule.getClass().getSimpleName())
			.isSubsetOf(rule.codes());
		return breaches;
	}

	static EnvelopeContext context(ExercisedScope current) {
		return new EnvelopeContext(Fixtures.Q3, Fixtures.directory(), current, null, 1, List.of());
	}

	@Nested
	class ReviewOverdue {

		@Test
		void shouldFlagAReviewDueBeforePeriodEndAsHigh() {
			// reviewed 2026-06-01 + 90 days = 2026-08-30, 121 days before the end of Q3
			Envelope envelope = envelope().review(90, LocalDate.of(2026, 6, 1), Fixtures.ACTIVE_APPROVER).build();
			List<Breach> breaches = judge(new ReviewOverdueRule(), envelope, context(QUIET));
			assertThat(breaches).singleElement().satisfies((breach) -> {
				assertThat(breach.code()).isEqualTo(FindingCode.ENV_REVIEW_OVERDUE);
				assertThat(breach.severity()).isEqualTo(Severity.HIGH);
				assertThat(breach.explanation()).contains("2026-06-01", "2026-08-30");
			});
		}

		@Test
		void shouldNotFlagAReviewDueOnTheDayAfterThePeriod() {
			// 2026-07-03 + 90 days = 2026-10-01, the first instant after Q3
			Envelope envelope = envelope().review(90, LocalDate.of(2026, 7, 3), Fixtures.ACTIVE_APPROVER).build();
			assertThat(judge(new ReviewOverdueRule(), envelope, context(QUIET))).isEmpty();
		}

		@Test
		void shouldBeCriticalOnlyWhenStrictlyMoreThanTwiceTheCadenceHasPassed() {
			// 2026-04-03 to the last instant of Q3 is 180 days and a fraction: more than
			// twice 90 days
			Envelope moreThanTwice = envelope().review(90, LocalDate.of(2026, 4, 3), Fixtures.ACTIVE_APPROVER).build();
			// 2026-04-04: 179 days and a fraction
			Envelope lessThanTwice = envelope().review(90, LocalDate.of(2026, 4, 4), Fixtures.ACTIVE_APPROVER).build();
			assertThat(judge(new ReviewOverdueRule(), moreThanTwice, context(QUIET)).get(0).severity())
				.isEqualTo(Severity.CRITICAL);
			assertThat(judge(new ReviewOverdueRule(), lessThanTwice, context(QUIET)).get(0).severity())
				.isEqualTo(Severity.HIGH);
		}

	}

	@Nested
	class Expired {

		@Test
		void shouldFlagAnEnvelopeWhoseLastDayIsBeforeTheLastDayOfThePeriod() {
			assertThat(
					judge(new ExpiredRule(), envelope().expiresAt(LocalDate.of(2026, 9, 29)).build(), context(QUIET)))
				.extracting(Breach::code)
				.containsExactly(FindingCode.ENV_EXPIRED);
		}

		@Test
		void shouldNotFlagAnEnvelopeValidThroughTheLastDayOfThePeriod() {
			assertThat(
					judge(new ExpiredRule(), envelope().expiresAt(LocalDate.of(2026, 9, 30)).build(), context(QUIET)))
				.isEmpty();
		}

	}

	@Nested
	class ApproverInactive {

		@Test
		void shouldFlagAnApproverWhoLeftTheDirectoryBeforePeriodEnd() {
			List<Breach> breaches = judge(new ApproverInactiveRule(),
					envelope().approver(Fixtures.FORMER_APPROVER).build(), context(QUIET));
			assertThat(breaches).singleElement().satisfies((breach) -> {
				assertThat(breach.code()).isEqualTo(FindingCode.ENV_APPROVER_INACTIVE);
				assertThat(breach.explanation()).contains(Fixtures.FORMER_APPROVER, "2025-12-31");
			});
		}

		@Test
		void shouldFlagALastReviewerUnknownToTheDirectory() {
			assertThat(judge(new ApproverInactiveRule(),
					envelope().review(90, LocalDate.of(2026, 7, 15), "stranger@example.com").build(), context(QUIET)))
				.singleElement()
				.satisfies((breach) -> assertThat(breach.discriminator()).isEqualTo("lastReviewedBy"));
		}

		@Test
		void shouldNotFlagActiveApprovers() {
			assertThat(judge(new ApproverInactiveRule(), envelope().build(), context(QUIET))).isEmpty();
		}

	}

	@Nested
	class ModelDrift {

		@Test
		void shouldFlagAModelVersionTheEnvelopeDoesNotList() {
			EnvelopeContext context = new EnvelopeContext(Fixtures.Q3, Fixtures.directory(), QUIET, null, 1,
					List.of(new ModelVersionUse("orchestrator-2.4.0", Instant.parse("2026-01-01T00:00:00Z"))));
			assertThat(judge(new ModelDriftRule(), envelope().build(), context)).singleElement()
				.satisfies((breach) -> assertThat(breach.explanation()).contains("orchestrator-2.4.0", "not listed"));
		}

		@Test
		void shouldFlagAListedVersionFirstSeenAfterTheLastReview() {
			EnvelopeContext context = new EnvelopeContext(Fixtures.Q3, Fixtures.directory(), QUIET, null, 1,
					List.of(new ModelVersionUse("orchestrator-2.3.9", Instant.parse("2026-07-15T00:00:01Z"))));
			assertThat(judge(new ModelDriftRule(), envelope().build(), context)).singleElement()
				.satisfies((breach) -> assertThat(breach.explanation()).contains("after the last review"));
		}

		@Test
		void shouldNotFlagAListedVersionSeenBeforeTheLastReview() {
			EnvelopeContext context = new EnvelopeContext(Fixtures.Q3, Fixtures.directory(), QUIET, null, 1,
					List.of(new ModelVersionUse("orchestrator-2.3.1", Instant.parse("2026-07-14T23:59:59Z"))));
			assertThat(judge(new ModelDriftRule(), envelope().build(), context)).isEmpty();
		}

	}

	@Nested
	class ComplianceStale {

		private final ComplianceStaleRule rule = new ComplianceStaleRule(new ComplianceRetirements());

		@Test
		void shouldFlagARetiredComplianceReference() {
			assertThat(judge(this.rule, envelope().compliance("PCI-DSS-3.2.1", "SOC2").build(), context(QUIET)))
				.singleElement()
				.satisfies((breach) -> assertThat(breach.explanation()).contains("PCI-DSS-3.2.1", "2024-03-31",
						"PCI-DSS-4.0.1"));
		}

		@Test
		void shouldNotFlagAReferenceStillInForceAtPeriodEnd() {
			assertThat(judge(this.rule, envelope().compliance("PCI-DSS-4.0.1").build(), context(QUIET))).isEmpty();
			// ISO 27001:2013 was in force through 2025-10-31: stale for 2025-Q4, not for
			// 2025-Q3
			EnvelopeContext q3of2025 = new EnvelopeContext(Period.quarter("2025-Q3"), Fixtures.directory(), QUIET, null,
					1, List.of());
			EnvelopeContext q4of2025 = new EnvelopeContext(Period.quarter("2025-Q4"), Fixtures.directory(), QUIET, null,
					1, List.of());
			assertThat(judge(this.rule, envelope().compliance("ISO27001-2013").build(), q3of2025)).isEmpty();
			assertThat(judge(this.rule, envelope().compliance("ISO27001-2013").build(), q4of2025)).hasSize(1);
		}

	}

	@Nested
	class Dormant {

		@Test
		void shouldFlagAnEnvelopeNoActionNamedInThePeriod() {
			EnvelopeContext context = new EnvelopeContext(Fixtures.Q3, Fixtures.directory(), QUIET, null, 0, List.of());
			assertThat(judge(new DormantRule(), envelope().build(), context)).extracting(Breach::severity)
				.containsExactly(Severity.LOW);
		}

		@Test
		void shouldNotFlagAnEnvelopeWithOneAction() {
			assertThat(judge(new DormantRule(), envelope().build(), context(QUIET))).isEmpty();
		}

		@Test
		void shouldNotFlagAPeriodThatEndsBeforeTheEnvelopesApproval() {
			// Q3 ends 2026-10-01T00:00Z: an envelope approved that day could not be used
			// in Q3
			EnvelopeContext context = new EnvelopeContext(Fixtures.Q3, Fixtures.directory(), QUIET, null, 0, List.of());
			Envelope approvedAfter = envelope().approvedAt(LocalDate.of(2026, 10, 1))
				.review(90, LocalDate.of(2026, 10, 1), Fixtures.ACTIVE_APPROVER)
				.build();
			assertThat(judge(new DormantRule(), approvedAfter, context)).isEmpty();
		}

		@Test
		void shouldFlagAnEnvelopeApprovedOnTheLastDayOfThePeriod() {
			EnvelopeContext context = new EnvelopeContext(Fixtures.Q3, Fixtures.directory(), QUIET, null, 0, List.of());
			Envelope approvedLastDay = envelope().approvedAt(LocalDate.of(2026, 9, 30)).build();
			assertThat(judge(new DormantRule(), approvedLastDay, context)).extracting(Breach::code)
				.containsExactly(FindingCode.ENV_DORMANT);
		}

	}

	@Nested
	class ScopeGrowth {

		private final ScopeGrowthRule rule = new ScopeGrowthRule(ReviewThresholds.DEFAULTS);

		private ScopeMeasurement previous(int ports) {
			return new ScopeMeasurement("2026-Q2", 10, 1, 1, BigInteger.ZERO, BigInteger.ZERO, ports, 1, 1, 0, 0, 0);
		}

		private EnvelopeContext context(ExercisedScope current, ScopeMeasurement previous) {
			return new EnvelopeContext(Fixtures.Q3, Fixtures.directory(), current, previous, 1, List.of());
		}

		@Test
		void shouldFlagGrowthStrictlyAboveTheThreshold() {
			// 4 ports → 6 ports is +50%
			ExercisedScope current = scope(10, List.of(), List.of(new PortRange(440, 445)), OpenRules.NONE,
					new TreeMap<>());
			assertThat(judge(this.rule, envelope().build(), context(current, previous(4)))).singleElement()
				.satisfies((breach) -> {
					assertThat(breach.discriminator()).isEqualTo("ports");
					assertThat(breach.explanation()).contains("from 4 in 2026-Q2 to 6 in 2026-Q3", "+50%");
				});
		}

		@Test
		void shouldNotFlagGrowthExactlyAtTheThreshold() {
			// 4 ports → 5 ports is exactly +25%
			ExercisedScope current = scope(10, List.of(), List.of(new PortRange(440, 444)), OpenRules.NONE,
					new TreeMap<>());
			assertThat(judge(this.rule, envelope().build(), context(current, previous(4)))).isEmpty();
		}

		@Test
		void shouldCountIpv4AddressesAsTheUnionOfOpenedPrefixes() {
			// previous: a /24 (256); now two overlapping /24s and a /25 inside: still
			// 512, +100%
			ScopeMeasurement before = new ScopeMeasurement("2026-Q2", 10, 1, 1, BigInteger.valueOf(256),
					BigInteger.ZERO, 0, 1, 1, 0, 0, 0);
			ExercisedScope current = scope(10, List.of("10.0.1.0/24", "10.0.2.0/24", "10.0.2.128/25"), List.of(),
					OpenRules.NONE, new TreeMap<>());
			assertThat(current.ipv4Addresses()).isEqualTo(BigInteger.valueOf(512));
			assertThat(judge(this.rule, envelope().build(), context(current, before))).extracting(Breach::discriminator)
				.containsExactly("ipv4Addresses");
		}

		@Test
		void shouldNotFlagGrowthWithoutPreviousActivity() {
			ExercisedScope current = scope(10, List.of(), List.of(new PortRange(440, 445)), OpenRules.NONE,
					new TreeMap<>());
			ScopeMeasurement idle = new ScopeMeasurement("2026-Q2", 0, 0, 0, BigInteger.ZERO, BigInteger.ZERO, 0, 0, 0,
					0, 0, 0);
			assertThat(judge(this.rule, envelope().build(), context(current, idle))).isEmpty();
			assertThat(judge(this.rule, envelope().build(), context(current, null))).isEmpty();
		}

	}

	@Nested
	class NearBounds {

		private final NearBoundsRule rule = new NearBoundsRule(ReviewThresholds.DEFAULTS);

		@Test
		void shouldFlagActionsAtEightyPercentOfTheBound() {
			Envelope envelope = envelope().bounds(10, null).build();
			assertThat(judge(this.rule, envelope,
					context(scope(8, List.of(), List.of(), OpenRules.NONE, new TreeMap<>()))))
				.singleElement()
				.satisfies((breach) -> {
					assertThat(breach.discriminator()).isEqualTo("maxActionsPerPeriod");
					assertThat(breach.severity()).isEqualTo(Severity.MEDIUM);
				});
		}

		@Test
		void shouldNotFlagActionsBelowEightyPercent() {
			Envelope envelope = envelope().bounds(10, null).build();
			assertThat(judge(this.rule, envelope,
					context(scope(7, List.of(), List.of(), OpenRules.NONE, new TreeMap<>()))))
				.isEmpty();
		}

		@Test
		void shouldRateAnExceededPeakOfOpenRulesHigh() {
			Envelope envelope = envelope().bounds(null, 3).build();
			assertThat(judge(this.rule, envelope,
					context(scope(1, List.of(), List.of(), new OpenRules(0, 1, 4), new TreeMap<>()))))
				.singleElement()
				.satisfies((breach) -> assertThat(breach.severity()).isEqualTo(Severity.HIGH));
		}

		@Test
		void shouldCompareOpenedAddressesWithTheDeclaredAddressSpace() {
			// declared 10.0.0.0/16 = 65536 addresses; a /17 and a /18 opened = 49152
			// (75%), plus a /19 = 57344 (87.5%)
			ExercisedScope below = scope(1, List.of("10.0.0.0/17", "10.0.128.0/18"), List.of(), OpenRules.NONE,
					new TreeMap<>());
			ExercisedScope near = scope(1, List.of("10.0.0.0/17", "10.0.128.0/18", "10.0.192.0/19"), List.of(),
					OpenRules.NONE, new TreeMap<>());
			assertThat(judge(this.rule, envelope().build(), context(below))).isEmpty();
			assertThat(judge(this.rule, envelope().build(), context(near))).extracting(Breach::discriminator)
				.containsExactly("ipv4Addresses");
		}

		@Test
		void shouldNotCallTheUseOfASingleAllowedPortNearItsBound() {
			Envelope singlePort = envelope().with(ingressClass().ports("443")).build();
			ExercisedScope used = scope(1, List.of(), List.of(new PortRange(443, 443)), OpenRules.NONE,
					new TreeMap<>());
			assertThat(judge(this.rule, singlePort, context(used))).isEmpty();
		}

		@Test
		void shouldStillFlagASecondPortOpenedWhereOnlyOneIsAllowed() {
			Envelope singlePort = envelope().with(ingressClass().ports("443")).build();
			ExercisedScope twoPorts = scope(1, List.of(), List.of(new PortRange(443, 443), new PortRange(22, 22)),
					OpenRules.NONE, new TreeMap<>());
			assertThat(judge(this.rule, singlePort, context(twoPorts))).singleElement()
				.satisfies((breach) -> assertThat(breach.severity()).isEqualTo(Severity.HIGH));
		}

	}

	@Nested
	class RuleDrift {

		@Test
		void shouldFlagAResourceWithMoreRulesOpenAtEndThanAtStart() {
			SortedMap<String, OpenRules> byResource = new TreeMap<>();
			byResource.put("sg-0a1b2c3d", new OpenRules(1, 3, 3));
			byResource.put("sg-0a1b9999", new OpenRules(2, 2, 5));
			List<Breach> breaches = judge(new RuleDriftRule(), envelope().build(),
					context(scope(5, List.of(), List.of(), new OpenRules(3, 5, 8), byResource)));
			assertThat(breaches).singleElement().satisfies((breach) -> {
				assertThat(breach.discriminator()).isEqualTo("sg-0a1b2c3d");
				assertThat(breach.evidence()).containsEntry("openAtStart", "1").containsEntry("openAtEnd", "3");
			});
		}

	}

}
