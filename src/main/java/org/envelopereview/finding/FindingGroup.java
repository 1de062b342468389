package org.envelopereview.finding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Findings a board decides on together (SPEC §9): the same code, envelope, agent and, for
 * the out-of-scope codes, the same out-of-scope value.
 *
 * @param severity the most severe of its findings
 * @param envelopeId the envelope, or {@code null}
 * @param agent the agent that acted, or {@code null} for findings about no action
 * @param outOfScopeValue what lay out of scope (port, CIDR, region, protocol, type,
 * resource or model version) for the codes {@link FindingGroups#outOfScopeField} names;
 * {@code null} for other codes
 * @param firstOccurrence when its earliest action occurred, or {@code null} when its
 * findings carry no time
 * @param lastOccurrence when its latest action occurred, or {@code null}
 * @param examples up to three of its findings, earliest first; a group of one holds the
 * finding itself
 * @param weeklyCounts how many of its findings occurred in each week, keyed by the week's
 * Monday (UTC)
 */
public record FindingGroup(FindingCode code, Severity severity, String envelopeId, String agent, String outOfScopeValue,
		long count, Instant firstOccurrence, Instant lastOccurrence, List<StoredFinding> examples,
		SortedMap<LocalDate, Long> weeklyCounts) {

	public FindingGroup {
		examples = List.copyOf(examples);
		weeklyCounts = Collections.unmodifiableSortedMap(new TreeMap<>(weeklyCounts));
	}

	/** A group of one reads as the finding itself. */
	public boolean single() {
		return this.count == 1;
	}

	/** The finding a group of one stands for, or its earliest example. */
	public StoredFinding first() {
		return this.examples.get(0);
	}

	/**
	 * Identifies the group within a board's run: code, envelope, agent and out-of-scope
	 * value joined by {@code |}, with the finding key added for a finding about no
	 * action.
	 */
	public String key() {
		String key = String.join("|", this.code.code(), nullToEmpty(this.envelopeId), nullToEmpty(this.agent),
				nullToEmpty(this.outOfScopeValue));
		return FindingGroups.isActionFinding(first().finding()) ? key : key + "|" + first().key();
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
