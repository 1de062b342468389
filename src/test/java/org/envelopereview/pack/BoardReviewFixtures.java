package org.envelopereview.pack;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import org.envelopereview.action.chain.ChainBreak;
import org.envelopereview.action.chain.IntegrityReport;
import org.envelopereview.decision.CheckedDecision;
import org.envelopereview.decision.Decision;
import org.envelopereview.decision.DecisionKind;
import org.envelopereview.decision.DecisionStatus;
import org.envelopereview.decision.RecordedDecision;
import org.envelopereview.envelope.ActionClass;
import org.envelopereview.envelope.Board;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.PortRange;
import org.envelopereview.envelope.Scope;
import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.Severity;
import org.envelopereview.period.Period;
import org.envelopereview.review.output.BoardReview.EnvelopeReview;
import org.envelopereview.review.output.BoardReview.InputDigest;
import org.envelopereview.review.output.BoardReview.QuarantinedRecord;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.review.recommend.Recommendation;
import org.envelopereview.review.scope.ScopeMeasurement;

/**
 * A realistic board review for the payments CAB in 2026-Q3: four envelopes (one file
 * invalid), findings of many codes, a chain break, two quarantined records and values
 * long enough that they must wrap.
 */
final class BoardReviewFixtures {

	static final String LONG_RESOURCE = "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0a1b2c3d4e5f60718293a4b5c6d7e8f90-payments-api-primary-ingress-temporary-failover";

	private BoardReviewFixtures() {
	}

	static BoardReview paymentsReview(Path outputDir) {
		Period period = Period.quarter("2026-Q3");
		Board board = new Board("payments-cab", "Payments Change Advisory Board", false,
				List.of(new Board.Member("Jae-min Kim", "Chair", "jmin@example.com"),
						new Board.Member("Amara Okafor", "Head of Network Security", "aokafor@example.com"),
						new Board.Member("Lucía Fernández", "Risk & Compliance", "lfernandez@example.com")));
		List<EnvelopeReview> envelopes = withRecommendations(List.of(
				new EnvelopeReview("PA-FAILOVER-007", "envelopes/pa-failover-007.yaml", failover(), trend(4, 12, 1)),
				new EnvelopeReview("PA-DNS-012", "envelopes/pa-dns-012.yaml", dns(), trend(3, 5, 2)),
				new EnvelopeReview("PA-MESH-003", "envelopes/pa-mesh-003.yaml", mesh(), trend(0, 0, 0)),
				new EnvelopeReview("PA-BROKEN-099", "envelopes/pa-broken-099.yaml", null, List.of())));
		List<Finding> findings = findings();
		List<QuarantinedRecord> quarantined = List.of(
				new QuarantinedRecord("actions/2026-07.jsonl", 1042, "a-001042", Instant.parse("2026-07-19T11:02:00Z"),
						"occurredAt '2026-07-19 11:02' is not an ISO-8601 instant (field occurredAt)",
						"{\"id\":\"a-001042\",\"occurredAt\":\"2026-07-19 11:02\",\"agent\":\"failover-agent\"}"),
				new QuarantinedRecord("cloudtrail/2026-08-03.json", 17, null, null,
						"unterminated JSON object at column 812",
						"{\"Records\":[{\"eventName\":\"AuthorizeSecurityGroupIngress\",\"requestParameters\":{\"groupId\":\"sg-0a1b2c3d\""));
		IntegrityReport integrity = new IntegrityReport(48_213, List.of(new ChainBreak("failover-agent", 311,
				"a-000311", Instant.parse("2026-08-14T02:10:00Z"), ChainBreak.Kind.HASH_MISMATCH,
				"stored 9f2c4e1a77b0d3c5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9 ≠ computed 0b4e6a8c2d1f3e5a7b9c0d2e4f6a8b0c1d3e5f7a9b2c4d6e8f0a1b3c5d7e9f2a4b")));
		List<InputDigest> inputs = List.of(
				new InputDigest("envelopes/boards.yaml",
						"3b7e2f0c1d9a8b6c5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d"),
				new InputDigest("envelopes/pa-failover-007.yaml",
						"a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"),
				new InputDigest("envelopes/pa-dns-012.yaml",
						"0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"),
				new InputDigest("envelopes/pa-mesh-003.yaml",
						"5555aaaabbbbccccddddeeeeffff000011112222333344445555666677778888"),
				new InputDigest("envelopes/pa-broken-099.yaml",
						"deadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef"),
				new InputDigest("action set 2026-Q3 (48,213 actions)",
						"c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff"));
		return new BoardReview(board, true, period, 42, 1, envelopes, findings, quarantined, integrity, inputs,
				outputDir, trail(), decisions());
	}

	/**
	 * Each valid envelope with what the review recommends: narrow PA-FAILOVER-007 (half
	 * its IPv4 block, a port and a region unused), retire the expired PA-DNS-012 and the
	 * dormant PA-MESH-003.
	 */
	static List<EnvelopeReview> withRecommendations(List<EnvelopeReview> envelopes) {
		Recommendation.LookBack lookBack = new Recommendation.LookBack(Instant.parse("2025-07-01T00:00:00Z"),
				Instant.parse("2026-10-01T00:00:00Z"), "2025-Q3");
		Map<String, Recommendation> recommended = Map.of("PA-FAILOVER-007", new Recommendation("PA-FAILOVER-007",
				"payments-cab", Recommendation.Outcome.NARROW,
				List.of("3 declared values were never used since 2025-Q3: approving the narrower envelope below "
						+ "removes standing permission no agent needed"),
				List.of(new Recommendation.ScopeChange("cidrs", "10.0.128.0/17",
						"CIDR 10.0.128.0/17 never used since 2025-Q3"),
						new Recommendation.ScopeChange("ports", "8444", "port 8444 never used since 2025-Q3"),
						new Recommendation.ScopeChange("regions", "eu-central-1",
								"region eu-central-1 never used since 2025-Q3")),
				List.of("security_group.ingress.add: cidrs 10.0.0.0/16 → 10.0.0.0/17; ports 443, 8443-8444 → 443, "
						+ "8443; regions eu-west-1, eu-central-1 → eu-west-1"),
				lookBack), "PA-DNS-012",
				new Recommendation("PA-DNS-012", "payments-cab", Recommendation.Outcome.RETIRE, List.of(
						"expired 2026-08-31, 30 days before the period end (ENV-EXPIRED)",
						"approver old@example.com active until 2025-12-31, not at 2026-09-30, and no active approver "
								+ "has re-approved it since (ENV-APPROVER-INACTIVE)"),
						List.of(), List.of(), lookBack),
				"PA-MESH-003",
				new Recommendation("PA-MESH-003", "payments-cab", Recommendation.Outcome.RETIRE, List
					.of("no action under it in 2026-Q2, 2026-Q3: dormant for 2 consecutive periods " + "(ENV-DORMANT)"),
						List.of(), List.of(), lookBack));
		return envelopes.stream()
			.map((envelope) -> new EnvelopeReview(envelope.envelopeId(), envelope.sourceFile(), envelope.envelope(),
					envelope.trend(), recommended.get(envelope.envelopeId())))
			.toList();
	}

	/**
	 * The period's write events not reviewed, one withdrawal, and the source files the
	 * period came from.
	 */
	static BoardReview.TrailInputs trail() {
		return new BoardReview.TrailInputs(
				List.of(new BoardReview.NotReviewedEvent("CreateVpc", 10, LocalDate.parse("2026-07-10"),
						LocalDate.parse("2026-08-02")),
						new BoardReview.NotReviewedEvent("DeleteSubnet", 8, LocalDate.parse("2026-07-10"),
								LocalDate.parse("2026-07-10"))),
				List.of(new BoardReview.Withdrawal("cloudtrail/2026-08-02-test-account.json",
						"7d865e959b2466918c9863afca942d0fb89d7c9ac0c99bafc3749504ded97730",
						Instant.parse("2026-09-30T16:20:00Z"), "jmin",
						"test account's trail ingested by mistake (ticket OPS-4471)", 113, 2, 57)),
				List.of(new BoardReview.SourceFile("actions/2026-07.jsonl",
						"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", 31_002, 1, 0),
						new BoardReview.SourceFile("cloudtrail/2026-08-03.json",
								"fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9", 17_211, 1, 18)));
	}

	/** What the board decided on the 2026-Q2 pack, as the 2026-Q3 review found it. */
	private static List<CheckedDecision> decisions() {
		return List.of(
				checked("PA-DNS-012", DecisionKind.RE_APPROVE, "2026-07-09", "2026-08-08", null,
						"Still needed for the resolver migration; scope unchanged.", DecisionStatus.APPLIED,
						"review.lastReviewedAt 2026-07-09 (by jmin@example.com) is on or after the re-approval on "
								+ "2026-07-09"),
				checked("PA-FAILOVER-007", DecisionKind.REVISE, "2026-07-09", "2026-10-15",
						"Drop eu-central-1 and port 8444; keep the 30-minute revert window.",
						"The failover drills no longer use Frankfurt.", DecisionStatus.PENDING,
						"pa-failover-007.yaml is unchanged since the reviewed pack (SHA-256 a1b2c3d4e5f6…)"),
				checked("PA-LEGACY-001", DecisionKind.RETIRE, "2026-07-09", "2026-08-01", null,
						"Replaced by PA-FAILOVER-007; nothing should use it.", DecisionStatus.NOT_APPLIED,
						"action a-031877 at 2026-08-03T09:12:00Z ran under it after the due date 2026-08-01"),
				checked("PA-MESH-003", DecisionKind.DEFER, "2026-07-09", null, null,
						"Waiting for the mesh team's Q3 traffic figures.", DecisionStatus.DEFERRED,
						"deferred: Waiting for the mesh team's Q3 traffic figures."));
	}

	private static CheckedDecision checked(String envelopeId, DecisionKind kind, String decidedAt, String dueDate,
			String requiredChange, String justification, DecisionStatus status, String detail) {
		Decision decision = new Decision(envelopeId, kind, "jmin@example.com", LocalDate.parse(decidedAt),
				(dueDate != null) ? LocalDate.parse(dueDate) : null, justification, requiredChange, 1);
		return new CheckedDecision(new RecordedDecision(1, "2026-Q2", Instant.parse("2026-07-01T00:00:00Z"),
				"payments-cab", 41, decision, Instant.parse("2026-07-10T08:00:00Z"), "0".repeat(64), "1".repeat(64)),
				status, detail, null);
	}

	/** Writes small findings.json and findings.csv files, as the review job does. */
	static void writeFindingsFiles(BoardReview review) throws java.io.IOException {
		Files.createDirectories(review.outputDir());
		StringBuilder json = new StringBuilder("[\n");
		StringBuilder csv = new StringBuilder("code,severity,envelope,action,explanation\n");
		for (int i = 0; i < review.findings().size(); i++) {
			Finding finding = review.findings().get(i);
			json.append("  {\"code\":\"")
				.append(finding.code().code())
				.append("\",\"action\":\"")
				.append(finding.actionId())
				.append("\"}")
				.append((i + 1 < review.findings().size()) ? ",\n" : "\n");
			csv.append(finding.code().code())
				.append(',')
				.append(finding.severity().label())
				.append(',')
				.append(finding.envelopeId())
				.append(',')
				.append(finding.actionId())
				.append(",\"")
				.append(finding.explanation().replace("\"", "\"\""))
				.append("\"\n");
		}
		json.append("]\n");
		Files.writeString(review.outputDir().resolve("findings.json"), json, StandardCharsets.UTF_8);
		Files.writeString(review.outputDir().resolve("findings.csv"), csv, StandardCharsets.UTF_8);
	}

	private static Envelope failover() {
		return new Envelope("PA-FAILOVER-007", "Regional failover for the payments API", "payments-cab",
				"network-platform", 2,
				new Envelope.Approval("jmin@example.com", LocalDate.parse("2025-05-02"), "CHG-2025-0412"),
				new Envelope.ReviewSchedule(90, LocalDate.parse("2025-11-02"), "jmin@example.com"),
				LocalDate.parse("2026-05-02"), List.of("PCI-DSS-4.0.1", "SOC2"), List.of("failover-agent"),
				List.of("orchestrator-2.3.*"), 0.80, List.of(
						new ActionClass("security_group.ingress.add", 2,
								new Scope(List.of("sg-0a1b*"), cidrs("10.0.0.0/16"),
										List.of(new PortRange(443, 443), new PortRange(8443, 8444)), List.of("tcp"),
										List.of("eu-west-1", "eu-central-1")),
								Duration.ofMinutes(30)),
						new ActionClass("security_group.ingress.remove", 2,
								new Scope(List.of("sg-0a1b*"), null, null, null, List.of("eu-west-1", "eu-central-1")),
								null),
						new ActionClass("route.replace", 3,
								new Scope(List.of("rtb-0f9e*"), cidrs("10.0.0.0/16", "2001:db8:1234::/48"), null, null,
										List.of("eu-west-1")),
								Duration.ofHours(4))),
				new Envelope.Bounds(500, 20), "envelopes/pa-failover-007.yaml");
	}

	private static Envelope dns() {
		return new Envelope("PA-DNS-012", "Weighted DNS shifts for payments endpoints", "payments-cab", "edge-team", 2,
				new Envelope.Approval("old@example.com", LocalDate.parse("2024-02-10"), "CHG-2024-0101"),
				new Envelope.ReviewSchedule(90, LocalDate.parse("2026-06-30"), "jmin@example.com"),
				LocalDate.parse("2026-08-31"), List.of("PCI-DSS-3.2.1"), null, null, null,
				List.of(new ActionClass("dns.record.upsert", 2, new Scope(
						List.of("payments.example.com.", "api.payments.example.com."), null, null, null, null), null)),
				Envelope.Bounds.NONE, "envelopes/pa-dns-012.yaml");
	}

	private static Envelope mesh() {
		return new Envelope("PA-MESH-003", "Service-mesh mTLS policy for the card vault", "payments-cab",
				"platform-security", 3,
				new Envelope.Approval("jmin@example.com", LocalDate.parse("2026-03-01"), "CHG-2026-0077"),
				new Envelope.ReviewSchedule(180, LocalDate.parse("2026-06-01"), "jmin@example.com"), null,
				List.of("PCI-DSS-4.0.1"), List.of(), List.of("mesh-agent-1.*"), 0.9,
				List.of(new ActionClass("mesh.mtls.modify", 3, Scope.UNCONSTRAINED, null)),
				new Envelope.Bounds(50, null), "envelopes/pa-mesh-003.yaml");
	}

	private static List<IPAddress> cidrs(String... values) {
		List<IPAddress> cidrs = new ArrayList<>();
		for (String value : values) {
			cidrs.add(new IPAddressString(value).getAddress());
		}
		return cidrs;
	}

	private static List<ScopeMeasurement> trend(int base, int resources, int growth) {
		List<ScopeMeasurement> trend = new ArrayList<>();
		String[] periods = { "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3" };
		for (int i = 0; i < periods.length; i++) {
			int factor = 1 + i * growth;
			trend.add(new ScopeMeasurement(periods[i], (long) base * 37 * factor, Math.min(3, base), resources * factor,
					BigInteger.valueOf(256L * factor * base), BigInteger.ONE.shiftLeft(80 + i), 2 * factor,
					Math.min(2, base), Math.min(1, base), i, i + growth, i + growth + 1));
		}
		return trend;
	}

	private static List<Finding> findings() {
		List<Finding> findings = new ArrayList<>();
		findings.add(finding(FindingCode.ENV_REVIEW_OVERDUE, Severity.CRITICAL, "PA-FAILOVER-007", null,
				"last reviewed 2025-11-02 by jmin@example.com; cadence 90 days; overdue by 241 days at 2026-09-30 (more than twice the cadence)",
				Map.of("lastReviewedAt", "2025-11-02", "cadenceDays", "90"), "SOC2 CC8.1"));
		findings.add(finding(FindingCode.ENV_EXPIRED, Severity.HIGH, "PA-FAILOVER-007", null,
				"expired 2026-05-02, 151 days before the period end", Map.of("expiresAt", "2026-05-02"),
				"PCI-DSS-4.0.1 6.5.1"));
		findings.add(finding(FindingCode.ENV_MODEL_DRIFT, Severity.HIGH, "PA-FAILOVER-007", null,
				"model orchestrator-2.4.0 ran 312 actions; the envelope lists orchestrator-2.3.*",
				Map.of("modelVersion", "orchestrator-2.4.0", "actions", "312"), "EU-AI-ACT Art.14"));
		findings.add(finding(FindingCode.EXP_SCOPE_GROWTH, Severity.MEDIUM, "PA-FAILOVER-007", null,
				"resources exercised grew from 36 to 48 (+33%, threshold +25%)",
				Map.of("dimension", "resources", "previous", "36", "current", "48"), "SOC2 CC8.1"));
		findings.add(finding(FindingCode.EXP_RULE_DRIFT, Severity.HIGH, "PA-FAILOVER-007", null,
				"permissive rules open on " + LONG_RESOURCE + ": 2 at period start, 5 at period end",
				Map.of("resource", LONG_RESOURCE, "openAtStart", "2", "openAtEnd", "5"), "PCI-DSS-4.0.1 1.2.2"));
		String[] cidrs = { "10.9.0.0/16", "192.168.4.0/24", "0.0.0.0/0" };
		for (int i = 0; i < 3; i++) {
			findings.add(finding(FindingCode.OOS_CIDR, Severity.HIGH, "PA-FAILOVER-007", "a-00" + (2100 + i),
					"cidr " + cidrs[i] + " is outside 10.0.0.0/16 for security_group.ingress.add on sg-0a1b2c3d",
					rationaleEvidence("failover event FE-2026-0419-00" + i, "0.9" + i, null), "PCI-DSS-4.0.1 1.2.2"));
		}
		findings.add(finding(FindingCode.OOS_PORT, Severity.HIGH, "PA-FAILOVER-007", "a-002100",
				"ports 22 are outside 443, 8443-8444",
				rationaleEvidence("failover event FE-2026-0419-000", "0.90", null), "PCI-DSS-4.0.1 1.2.2"));
		findings.add(finding(FindingCode.OOS_REGION, Severity.CRITICAL, "PA-FAILOVER-007", "a-002217",
				"region us-east-1 is outside eu-west-1, eu-central-1 (data residency)",
				rationaleEvidence("latency spike", "0.84", null), "GDPR Art.44-46"));
		findings.add(finding(FindingCode.OOS_NOT_REVERTED, Severity.HIGH, "PA-FAILOVER-007", "a-002305",
				"temporary rule on " + LONG_RESOURCE + " not reverted by 2026-08-01T04:17:00Z (maxDuration PT30M)",
				rationaleEvidence("failover event FE-2026-0731-002", "0.95", null), "PCI-DSS-4.0.1 1.2.2"));
		findings.add(finding(FindingCode.OOS_RATIONALE, Severity.MEDIUM, "PA-FAILOVER-007", "a-002411",
				"confidence 0.61 is below minConfidence 0.80", rationaleEvidence("probe failure", "0.61", null),
				"EU-AI-ACT Art.14"));
		findings.add(finding(FindingCode.OOS_UNAPPROVED, Severity.CRITICAL, "PA-FAILOVER-007", "a-002502",
				"tier-3 route.replace on rtb-0f9e1234 without an approval reference",
				rationaleEvidence("route flap", "0.88", ""), "SOC2 CC8.1"));
		findings.add(finding(FindingCode.OOS_AGENT, Severity.HIGH, "PA-FAILOVER-007", "a-002610",
				"agent scaling-agent is not authorized (envelope allows failover-agent)",
				rationaleEvidence("autoscale", "0.91", null), "SOC2 CC8.1"));
		findings.add(finding(FindingCode.ENV_EXPIRED, Severity.HIGH, "PA-DNS-012", null,
				"expired 2026-08-31, 30 days before the period end", Map.of("expiresAt", "2026-08-31"),
				"PCI-DSS-4.0.1 6.5.1"));
		findings.add(finding(FindingCode.ENV_APPROVER_INACTIVE, Severity.HIGH, "PA-DNS-012", null,
				"approver old@example.com active until 2025-12-31, not at 2026-09-30",
				Map.of("approver", "old@example.com", "activeUntil", "2025-12-31"), "SOC2 CC8.1"));
		findings.add(finding(FindingCode.ENV_COMPLIANCE_STALE, Severity.MEDIUM, "PA-DNS-012", null,
				"PCI-DSS-3.2.1 was retired 2024-03-31", Map.of("reference", "PCI-DSS-3.2.1"), "PCI-DSS-4.0.1 6.5.1"));
		findings.add(finding(FindingCode.OOS_AFTER_EXPIRY, Severity.HIGH, "PA-DNS-012", "a-003001",
				"dns.record.upsert on api.payments.example.com. at 2026-09-02T10:00:00Z, after expiry 2026-08-31",
				rationaleEvidence("weighted shift", "0.97", "CHG-2026-0888"), "PCI-DSS-4.0.1 6.5.1"));
		findings.add(finding(FindingCode.OOS_RESOURCE, Severity.HIGH, "PA-DNS-012", "a-003002",
				"resource internal.payments.example.com. is outside payments.example.com., api.payments.example.com.",
				rationaleEvidence("weighted shift", "0.97", null), "PCI-DSS-4.0.1 1.2.2"));
		findings.add(finding(FindingCode.OOS_ACTION_TYPE, Severity.CRITICAL, "PA-DNS-012", "a-003003",
				"dns.record.delete is not authorized by PA-DNS-012", rationaleEvidence("cleanup", "0.99", null),
				"PCI-DSS-4.0.1 1.2.2"));
		findings.add(finding(FindingCode.ENV_DORMANT, Severity.LOW, "PA-MESH-003", null,
				"no action under PA-MESH-003 from 2026-07-01 to 2026-09-30", Map.of(), "SOC2 CC8.1"));
		findings.add(finding(FindingCode.ENV_INVALID, Severity.HIGH, "PA-BROKEN-099", null,
				"envelopes/pa-broken-099.yaml line 14 field actions[0].scope.cidrs[1]: '10.0.0.0/33' is not a CIDR",
				Map.of("file", "envelopes/pa-broken-099.yaml", "line", "14"), "SOC2 CC8.1"));
		findings.add(new Finding(FindingCode.OOS_NO_ENVELOPE, Severity.HIGH, "payments-cab", true, null, "a-004100",
				"security_group.ingress.add on sg-9z8y7x6w by cleanup-agent names no envelope",
				new TreeMap<>(rationaleEvidence(null, null, null)), List.of("PCI-DSS-4.0.1 1.2.2")));
		findings.add(new Finding(FindingCode.ENV_UNKNOWN, Severity.CRITICAL, "payments-cab", true, "PA-GHOST-404", null,
				"14 actions name envelope PA-GHOST-404, which does not exist", new TreeMap<>(Map.of("actions", "14")),
				List.of("SOC2 CC8.1")));
		findings.add(finding(FindingCode.LOG_CHAIN_BROKEN, Severity.CRITICAL, null, "a-000311",
				"hash of a-000311 (failover-agent seq 311) does not verify: the row was edited after ingest",
				Map.of("agent", "failover-agent", "seq", "311"), "PCI-DSS-4.0.1 10.2"));
		findings.add(finding(FindingCode.LOG_SUPPRESSION, Severity.CRITICAL, "PA-FAILOVER-007", "a-002777",
				"logging.config.modify on vpc-flow-logs-eu-west-1 without a tier-4 change",
				rationaleEvidence("cost reduction", "0.86", null), "ISO27001-2022 A.8.15"));
		findings.add(finding(FindingCode.EXP_NEAR_BOUNDS, Severity.MEDIUM, "PA-FAILOVER-007", null,
				"448 actions is 90% of maxActionsPerPeriod 500", Map.of("bound", "maxActionsPerPeriod"), "SOC2 CC8.1"));
		findings.add(finding(FindingCode.OOS_MODEL, Severity.HIGH, "PA-FAILOVER-007", "a-002900",
				"model orchestrator-2.4.0 is not in orchestrator-2.3.*", rationaleEvidence("failover", "0.9", null),
				"EU-AI-ACT Art.14"));
		findings.add(finding(FindingCode.OOS_PROTOCOL, Severity.HIGH, "PA-FAILOVER-007", "a-002901",
				"protocol udp is outside tcp", rationaleEvidence("failover", "0.9", null), "PCI-DSS-4.0.1 1.2.2"));
		findings.add(finding(FindingCode.OOS_TIER4_NO_CHANGE, Severity.CRITICAL, "PA-MESH-003", "a-005001",
				"tier-4 mesh.mtls.modify without change ref and approver",
				rationaleEvidence("cert rotation", "0.93", null), "ISO27001-2022 A.8.32"));
		return findings;
	}

	private static Map<String, String> rationaleEvidence(String signal, String confidence, String changeRef) {
		Map<String, String> evidence = new TreeMap<>();
		evidence.put("rationale.signal", (signal != null) ? signal : "(missing)");
		evidence.put("rationale.confidence", (confidence != null) ? confidence : "(missing)");
		evidence.put("approval.ref", "(none)");
		if (changeRef != null) {
			evidence.put("changeRef", changeRef.isEmpty() ? "(none)" : changeRef);
		}
		evidence.put("resource", "sg-0a1b2c3d");
		return evidence;
	}

	private static Finding finding(FindingCode code, Severity severity, String envelopeId, String actionId,
			String explanation, Map<String, String> evidence, String control) {
		return new Finding(code, severity, "payments-cab", false, envelopeId, actionId, explanation,
				new TreeMap<>(evidence), List.of(control));
	}

}
