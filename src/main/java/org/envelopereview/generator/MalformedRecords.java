package org.envelopereview.generator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.envelopereview.period.Period;

/**
 * A few broken records per quarter, of the kinds real exports contain, so the demo shows
 * the quarantine at work: they must be quarantined with a reason, never stored and never
 * lost.
 */
final class MalformedRecords {

	private MalformedRecords() {
	}

	static List<String> forQuarter(Period quarter, int number, GeneratedAction storedEarlier) {
		String at = quarter.start().plus(Duration.ofDays(50)).toString();
		String prefix = "q" + number + "-";
		List<String> lines = new ArrayList<>();
		lines.add("{\"id\":\"" + prefix + "bad-timestamp\",\"occurredAt\":\"2026-13-45T25:00:00Z\","
				+ "\"agent\":\"failover-agent\",\"type\":\"security_group.ingress.add\"}");
		lines.add("{\"id\":\"" + prefix + "unknown-type\",\"occurredAt\":\"" + at + "\",\"agent\":\"failover-agent\","
				+ "\"type\":\"security_group.ingress.open\",\"resource\":\"sg-0a1b0001\"}");
		lines.add("{\"id\":\"" + prefix + "bad-cidr\",\"occurredAt\":\"" + at + "\",\"agent\":\"failover-agent\","
				+ "\"type\":\"security_group.ingress.add\",\"resource\":\"sg-0a1b0001\",\"cidr\":\"10.0.0.0/33\"}");
		lines.add("{\"occurredAt\":\"" + at + "\",\"agent\":\"failover-agent\",\"type\":\"route.add\"}");
		lines.add("{\"id\":\"" + prefix + "truncated\",\"occurredAt\":\"" + at + "\",\"agent\":\"fail");
		if (storedEarlier != null) {
			lines.add(storedEarlier.with("resource", "sg-0tampered000").withoutRevert().toJson());
		}
		return lines;
	}

}
