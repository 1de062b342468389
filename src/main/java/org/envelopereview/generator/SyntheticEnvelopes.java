package org.envelopereview.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Writes a directory of many similar, valid envelopes and their boards.yaml, for
 * benchmarks at scale (e.g. 1,000 envelopes) where hand-written examples would be too
 * few.
 */
@Component
public class SyntheticEnvelopes {

	private static final List<String> BOARDS = List.of("payments-cab", "network-security", "data-protection");

	private static final String BOARDS_YAML = """
			# Synthetic boards for benchmarks (generate-envelopes).
			apiVersion: envelope-review/v1
			boards:
			  - id: payments-cab
			    name: Payments Change Advisory Board
			    members:
			      - {name: Bench Chair, role: Chair, email: chair@example.com}
			  - id: network-security
			    name: Network Security Board
			    default: true
			    members:
			      - {name: Bench Chair, role: Chair, email: chair@example.com}
			  - id: data-protection
			    name: Data Protection Board
			    members:
			      - {name: Bench Chair, role: Chair, email: chair@example.com}
			approvers:
			  - {email: chair@example.com, name: Bench Chair, activeFrom: 2020-01-01}
			""";

	private static final String ENVELOPE_YAML = """
			# Synthetic envelope %1$d of a benchmark set (generate-envelopes).
			apiVersion: envelope-review/v1
			id: %2$s
			title: Synthetic failover envelope %1$d
			board: %3$s
			owner: bench-platform
			tier: 2
			approval: {approver: chair@example.com, approvedAt: 2026-01-05, changeRef: CHG-2026-%1$05d}
			review: {cadenceDays: 365, lastReviewedAt: 2026-03-01, lastReviewedBy: chair@example.com}
			expiresAt: 2028-01-05
			compliance: [SOC2]
			agents: [bench-agent-%4$d]
			modelVersions: ["bench-model-1.*"]
			minConfidence: 0.50
			actions:
			  - type: security_group.ingress.add
			    scope:
			      resources: ["sg-b%1$05d*"]
			      cidrs: ["10.%5$d.0.0/16", "fd00:%1$x::/48"]
			      ports: ["443", "8000-8100"]
			      protocols: [tcp]
			      regions: [eu-west-1, eu-central-1]
			    temporary: {maxDuration: PT1H}
			  - type: security_group.ingress.remove
			    scope:
			      resources: ["sg-b%1$05d*"]
			bounds: {maxActionsPerPeriod: 100000000, maxOpenRules: 1000000}
			""";

	/**
	 * Writes {@code count} envelopes and boards.yaml into {@code directory}; returns the
	 * files written.
	 */
	public int write(int count, Path directory) throws IOException {
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("boards.yaml"), BOARDS_YAML, StandardCharsets.UTF_8);
		for (int n = 1; n <= count; n++) {
			String id = String.format("BENCH-%05d", n);
			String yaml = String.format(Locale.ROOT, ENVELOPE_YAML, n, id, BOARDS.get(n % BOARDS.size()), n % 50,
					n % 256);
			Files.writeString(directory.resolve(id.toLowerCase(Locale.ROOT) + ".yaml"), yaml, StandardCharsets.UTF_8);
		}
		return count + 1;
	}

}
