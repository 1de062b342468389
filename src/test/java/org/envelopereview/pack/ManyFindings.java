package org.envelopereview.pack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCode;

/**
 * Many findings of the payments board in 2026-Q3, shaped like a misbehaving fleet's: a
 * few agents repeating the same breach (port 22, 0.0.0.0/0, logging switched off) over
 * the quarter, and a long tail of one-off values, so that grouping has both to fold.
 */
public final class ManyFindings {

	static final String[] ENVELOPES = { "PA-FAILOVER-007", "PA-DNS-012", "PA-MESH-003" };

	private static final String[] AGENTS = { "failover-agent", "scaling-agent", "dns-agent", "cleanup-agent" };

	private static final FindingCode[] CODES = { FindingCode.OOS_PORT, FindingCode.OOS_CIDR,
			FindingCode.LOG_SUPPRESSION, FindingCode.OOS_RATIONALE, FindingCode.OOS_NOT_REVERTED,
			FindingCode.OOS_REGION };

	private static final Instant START = Instant.parse("2026-07-01T00:00:00Z");

	private static final Duration QUARTER = Duration.ofDays(92);

	private ManyFindings() {
	}

	/** Findings sorted as findings.json sorts them, roughly: by code, then action. */
	public static List<Finding> of(int count) {
		List<Finding> findings = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			FindingCode code = CODES[i % CODES.length];
			String envelope = ENVELOPES[(i / CODES.length) % ENVELOPES.length];
			// most breaches come from one agent per envelope, the rest from the others
			String agent = ((i / 18) % 10 < 8) ? AGENTS[(i / 18) % ENVELOPES.length] : AGENTS[(i / 7) % AGENTS.length];
			Instant at = START.plusSeconds((QUARTER.toSeconds() * i) / count);
			boolean tail = (i / 31) % 20 == 0;
			String port = tail ? Integer.toString(1024 + (i % 97)) : "22";
			String cidr = tail ? "10." + (i % 250) + ".0.0/16" : "0.0.0.0/0";
			String region = tail ? "ap-south-1" : "us-east-1";
			SortedMap<String, String> evidence = new TreeMap<>();
			evidence.put("occurredAt", at.toString());
			evidence.put("agent", agent);
			evidence.put("type", "security_group.ingress.add");
			evidence.put("resource", "sg-0a1b" + (i % 4096));
			evidence.put("ports", port);
			evidence.put("cidr", cidr);
			evidence.put("region", region);
			evidence.put("rationale.signal", "failover event FE-2026-" + (i % 977));
			evidence.put("rationale.confidence", "0.9" + (i % 10));
			String action = String.format("a-%07d", i);
			String explanation = switch (code) {
				case OOS_PORT -> action + " (sg-0a1b" + (i % 4096) + "): sg-0a1b" + (i % 4096) + " opened port " + port
						+ " — envelope " + envelope + " allows only 443, 8443-8444 for security_group.ingress.add";
				case OOS_CIDR -> action + " (sg-0a1b" + (i % 4096) + "): sg-0a1b" + (i % 4096) + " opened " + cidr + ":"
						+ port + " — envelope " + envelope + " allows only 10.0.0.0/16";
				case OOS_REGION -> action + ": security_group.ingress.add in region " + region + " — envelope "
						+ envelope + " allows only eu-west-1, eu-central-1";
				case LOG_SUPPRESSION -> action + " (vpc-flow-logs): logging.config.modify by " + agent
						+ " is not under a tier-4 change (tier 2 instead of tier 4)";
				default -> action + " (sg-0a1b" + (i % 4096) + "): " + code.code() + " on sg-0a1b" + (i % 4096);
			};
			findings.add(new Finding(code, code.defaultSeverity(), "payments-cab", false, envelope, action, explanation,
					evidence, List.of("PCI-DSS-4.0.1 1.2.2")));
		}
		findings.sort(java.util.Comparator.comparing(Finding::severity)
			.thenComparing((finding) -> finding.code().code())
			.thenComparing(Finding::envelopeId)
			.thenComparing(Finding::actionId));
		return findings;
	}

}
