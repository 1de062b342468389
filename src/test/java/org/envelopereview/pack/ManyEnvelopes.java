package org.envelopereview.pack;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import inet.ipaddr.IPAddressString;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.envelope.ActionClass;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.PortRange;
import org.envelopereview.envelope.Scope;
import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.Severity;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.review.output.BoardReview.EnvelopeReview;
import org.envelopereview.review.output.BoardReview.InputDigest;
import org.envelopereview.review.recommend.Recommendation;
import org.envelopereview.review.recommend.Recommendations;
import org.envelopereview.review.scope.ScopeMeasurement;

/**
 * The payments board of {@link BoardReviewFixtures} with many envelopes, shaped like the
 * benchmark's (BENCHMARKS.md): every envelope has a model version it does not list (one
 * to three ENV-MODEL-DRIFT findings), every twelfth more rules open at the end than at
 * the start (EXP-RULE-DRIFT), and each the review proposes to narrow (CIDRs and ports
 * never used, every fifth a region too). One envelope in fifty also breaches its region
 * (OOS-REGION, critical). The inputs hold three boards' envelope files, as every pack's
 * do.
 */
final class ManyEnvelopes {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Recommendation.LookBack LOOK_BACK = new Recommendation.LookBack(
			Instant.parse("2026-01-05T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"), "approval on 2026-01-05");

	private ManyEnvelopes() {
	}

	/** The board's review with {@code count} envelopes, BENCH-00001 on. */
	static BoardReview review(Path outputDir, int count) {
		BoardReview small = BoardReviewFixtures.paymentsReview(outputDir);
		List<EnvelopeReview> envelopes = new ArrayList<>();
		List<Finding> findings = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			String id = id(i);
			envelopes.add(new EnvelopeReview(id, file(i), envelope(i), trend(i), recommendation(i)));
			findings.addAll(findings(i));
		}
		findings.sort(java.util.Comparator.comparing(Finding::severity)
			.thenComparing((finding) -> finding.code().code())
			.thenComparing(Finding::envelopeId));
		List<InputDigest> inputs = new ArrayList<>();
		inputs.add(
				new InputDigest("actions/2026-Q3", "1d7434127e45216eba34ca72d74a67901f2d669af2a1da169be4c6b579068ea5"));
		for (int i = 1; i <= 3 * count; i++) {
			inputs.add(new InputDigest(file(i), String.format(Locale.ROOT, "%064x", BigInteger.valueOf(i * 7919L))));
		}
		inputs.add(new InputDigest("envelopes/boards.yaml",
				"9632765b2d3cdf199320c79c7ba3b6605ea1c32958dfcb03ad64c4d3d79f3132"));
		return new BoardReview(small.board(), false, small.period(), small.runId(), small.runNumber(), envelopes,
				findings, List.of(), small.integrity(), inputs, small.outputDir(), small.trail(), List.of());
	}

	static String id(int i) {
		return String.format(Locale.ROOT, "BENCH-%05d", i);
	}

	private static String file(int i) {
		return "envelopes/" + id(i).toLowerCase(Locale.ROOT) + ".yaml";
	}

	/**
	 * Writes findings.json as the review job does, every finding and each envelope's
	 * recommendation ({@code envelopes[]}), and findings.csv.
	 */
	static void writeFindingsFiles(BoardReview review) throws IOException {
		BoardReviewFixtures.writeFindingsFiles(review);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("period", review.period().label());
		document.put("board", review.board().id());
		document.put("findings", review.findings().stream().map((finding) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("code", finding.code().code());
			row.put("severity", finding.severity().label());
			row.put("envelope", finding.envelopeId());
			row.put("action", finding.actionId());
			row.put("explanation", finding.explanation());
			return row;
		}).toList());
		document.put("envelopes", review.envelopes().stream().map((envelope) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("envelope", envelope.envelopeId());
			row.put("recommendation", Recommendations.document(envelope.recommendation()));
			return row;
		}).toList());
		Files.writeString(review.outputDir().resolve("findings.json"), JSON.writeValueAsString(document));
	}

	private static Envelope envelope(int i) {
		String id = id(i);
		int block = i % 250;
		return new Envelope(id, "Benchmark envelope " + i + " for the payments edge", "payments-cab", "bench-team",
				1 + i % 3, new Envelope.Approval("jmin@example.com", LocalDate.parse("2026-01-05"), "CHG-BENCH-" + i),
				new Envelope.ReviewSchedule(90, LocalDate.parse("2026-03-01"), "jmin@example.com"),
				LocalDate.parse("2027-01-05"), List.of("PCI-DSS-4.0.1"), List.of("bench-agent-" + (i % 7)),
				List.of("bench-model-1.*"), null,
				List.of(new ActionClass("security_group.ingress.add", 2,
						new Scope(List.of("sg-bench-" + i + "*"),
								List.of(new IPAddressString("10." + block + ".0.0/16").getAddress(),
										new IPAddressString("fd00:" + Integer.toHexString(i) + "::/48").getAddress()),
								List.of(new PortRange(443, 443), new PortRange(8000, 8100)), List.of("tcp"),
								List.of("eu-west-1", "eu-central-1")),
						Duration.ofHours(1))),
				new Envelope.Bounds(5_000, 40), file(i));
	}

	private static List<ScopeMeasurement> trend(int i) {
		List<ScopeMeasurement> trend = new ArrayList<>();
		String[] periods = { "2026-Q1", "2026-Q2", "2026-Q3" };
		for (int p = 0; p < periods.length; p++) {
			int resources = 4 + (i * 13 + p * 5) % 37;
			trend.add(new ScopeMeasurement(periods[p], 300L + (i * 31L + p * 17L) % 700, 1, resources,
					BigInteger.valueOf(4096L * (1 + i % 4)), BigInteger.ONE.shiftLeft(76), 2, 1, 1, p, p + i % 3,
					p + 3));
		}
		return trend;
	}

	private static Recommendation recommendation(int i) {
		String id = id(i);
		int block = i % 250;
		String hex = Integer.toHexString(i);
		List<Recommendation.ScopeChange> changes = new ArrayList<>();
		changes.add(new Recommendation.ScopeChange("cidrs", "10." + block + ".128.0/17",
				"CIDR 10." + block + ".128.0/17 never used since approval on 2026-01-05"));
		changes.add(new Recommendation.ScopeChange("cidrs", "fd00:" + hex + ":0:8000::/49",
				"CIDR fd00:" + hex + ":0:8000::/49 never used since approval on 2026-01-05"));
		changes.add(new Recommendation.ScopeChange("cidrs", "10." + block + ".64.0/18",
				"CIDR 10." + block + ".64.0/18 never used since approval on 2026-01-05"));
		changes.add(new Recommendation.ScopeChange("ports", "8001-8100",
				"ports 8001-8100 never used since approval on 2026-01-05"));
		String proposal = "security_group.ingress.add: cidrs 10." + block + ".0.0/16, fd00:" + hex + "::/48 → 10."
				+ block + ".0.0/18, fd00:" + hex + "::/49; ports 443, 8000-8100 → 443, 8000";
		if (i % 5 == 0) {
			changes.add(new Recommendation.ScopeChange("regions", "eu-central-1",
					"region eu-central-1 never used since approval on 2026-01-05"));
			proposal += "; regions eu-west-1, eu-central-1 → eu-west-1";
		}
		return new Recommendation(id, "payments-cab", Recommendation.Outcome.NARROW,
				List.of(changes.size() + " declared values were never used since approval on 2026-01-05: approving "
						+ "the narrower envelope below removes standing permission no agent needed"),
				changes, List.of(proposal), LOOK_BACK);
	}

	private static List<Finding> findings(int i) {
		String id = id(i);
		List<Finding> findings = new ArrayList<>();
		for (int version = 1; version <= 1 + i % 3; version++) {
			findings.add(new Finding(FindingCode.ENV_MODEL_DRIFT, Severity.HIGH, "payments-cab", false, id, null,
					id + ": model version bench-model-1." + version + " ran in 2026-Q3 — first seen 2026-07-01T00:00:0"
							+ version + "Z, after the last review on 2026-03-01",
					new TreeMap<>(Map.of("modelVersion", "bench-model-1." + version, "allowed.modelVersions",
							"bench-model-1.*", "lastReviewedAt", "2026-03-01")),
					List.of("SOC2 CC8.1", "EU-AI-ACT Art.14")));
		}
		if (i % 12 == 0) {
			findings.add(new Finding(FindingCode.EXP_RULE_DRIFT, Severity.HIGH, "payments-cab", false, id, null,
					"permissive rules open on sg-bench-" + i + "a: 1 at period start, 3 at period end",
					new TreeMap<>(Map.of("resource", "sg-bench-" + i + "a", "openAtStart", "1", "openAtEnd", "3")),
					List.of("PCI-DSS-4.0.1 1.2.2")));
		}
		if (i % 50 == 7) {
			String action = String.format(Locale.ROOT, "a-%07d", i * 1000);
			findings.add(new Finding(FindingCode.OOS_REGION, Severity.CRITICAL, "payments-cab", false, id, action,
					action + ": security_group.ingress.add in region us-east-1 — envelope " + id
							+ " allows only eu-west-1, eu-central-1",
					new TreeMap<>(Map.of("agent", "bench-agent-" + (i % 7), "region", "us-east-1", "occurredAt",
							"2026-08-0" + (1 + i % 9) + "T10:00:00Z")),
					List.of("GDPR Art.44-46")));
		}
		return findings;
	}

}
