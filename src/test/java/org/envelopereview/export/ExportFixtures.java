package org.envelopereview.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.envelopereview.decision.CheckedDecision;
import org.envelopereview.decision.Decision;
import org.envelopereview.decision.DecisionKind;
import org.envelopereview.decision.DecisionStatus;
import org.envelopereview.decision.RecordedDecision;
import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCatalogue;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.period.Period;

/** Small named builders of the exports' inputs. */
final class ExportFixtures {

	static final String BOARD = "payments-cab";

	static final Period Q2 = Period.quarter("2026-Q2");

	static final Period Q3 = Period.quarter("2026-Q3");

	static final String FINDINGS_SHA = "a".repeat(64);

	static final String CSV_SHA = "b".repeat(64);

	private ExportFixtures() {
	}

	/** A finding about an action, keyed as the review keys it. */
	static StoredFinding actionFinding(FindingCode code, String envelope, String action, String agent,
			String occurredAt, Map<String, String> more) {
		TreeMap<String, String> evidence = new TreeMap<>(more);
		evidence.put("agent", agent);
		evidence.put("occurredAt", occurredAt);
		evidence.put("resource", "sg-0a1b2c3d");
		return stored(code, envelope, action, "", evidence,
				agent + " " + action + " on sg-0a1b2c3d at " + occurredAt + ": " + code.code());
	}

	/** A finding about an envelope, with no action. */
	static StoredFinding envelopeFinding(FindingCode code, String envelope) {
		return stored(code, envelope, null, "", new TreeMap<>(Map.of("envelope", envelope)),
				envelope + ": " + FindingCatalogue.shipped().entry(code).meaning());
	}

	private static StoredFinding stored(FindingCode code, String envelope, String action, String about,
			TreeMap<String, String> evidence, String explanation) {
		String key = String.join("|", code.code(), BOARD, envelope, (action != null) ? action : "", about);
		return new StoredFinding(key, new Finding(code, code.defaultSeverity(), BOARD, false, envelope, action,
				explanation, evidence, FindingCatalogue.shipped().controlsFor(code)));
	}

	static CheckedDecision decision(String envelope, DecisionKind kind, String dueDate, DecisionStatus status) {
		Decision decision = new Decision(envelope, kind, "jmin@example.com", LocalDate.parse("2026-07-10"),
				(dueDate != null) ? LocalDate.parse(dueDate) : null, "the board discussed it on 2026-07-10",
				(kind == DecisionKind.REVISE) ? "drop udp and us-east-1" : null, 7);
		return new CheckedDecision(
				new RecordedDecision(1, Q2.label(), Q2.end(), BOARD, 11, decision,
						Instant.parse("2026-07-11T08:00:00Z"), "c".repeat(64), "d".repeat(64)),
				status, status.label() + " as checked", null);
	}

	static BoardExport export(Period period, List<StoredFinding> findings, List<StoredFinding> previous,
			List<CheckedDecision> decisions) {
		return new BoardExport(BOARD, "Payments Change Advisory Board", period, "0.1.0", findings,
				previous.isEmpty() ? null : period.previous().label(), previous, decisions,
				LocalDate.ofInstant(period.end(), java.time.ZoneOffset.UTC).plusDays(30),
				new ArrayList<>(List.of(
						new BoardExport.Evidence("findings.json", "application/json", FINDINGS_SHA, "Every finding"),
						new BoardExport.Evidence("findings.csv", "text/csv", CSV_SHA, "Every finding, as CSV"))));
	}

}
