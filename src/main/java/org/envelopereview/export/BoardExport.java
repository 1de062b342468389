package org.envelopereview.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.envelopereview.decision.CheckedDecision;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.period.Period;

/**
 * What one board's exports are made of: nothing here may depend on when or where the run
 * happened, so the same review gives the same bytes.
 *
 * @param findings the board's findings of the run, in report order
 * @param previousPeriod the period before, whose findings carry across, or {@code null}
 * when no completed run reviewed it
 * @param previousFindings the board's findings of the latest completed run of the
 * previous period, in report order
 * @param decisions the board's recorded decisions as this run checked them
 * @param remediationDue when an unreverted action must be reverted or authorized by: the
 * period's end plus the decisions' default due
 * @param evidence the files beside the pack that the OSCAL documents point at
 */
record BoardExport(String boardId, String boardName, Period period, String softwareVersion,
		List<StoredFinding> findings, String previousPeriod, List<StoredFinding> previousFindings,
		List<CheckedDecision> decisions, LocalDate remediationDue, List<Evidence> evidence) {

	BoardExport {
		findings = List.copyOf(findings);
		previousFindings = List.copyOf(previousFindings);
		decisions = List.copyOf(decisions);
		evidence = List.copyOf(evidence);
	}

	/** The instant the exports are dated: the period's end, as findings.json has it. */
	Instant asOf() {
		return this.period.end();
	}

	/** A file the OSCAL documents cite by its SHA-256. */
	record Evidence(String name, String mediaType, String sha256, String description) {
	}

}
