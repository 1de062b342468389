package org.envelopereview.export;

import java.time.Instant;
import java.util.List;

import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.FindingGroup;
import org.envelopereview.finding.FindingGroups;
import org.envelopereview.finding.Severity;
import org.envelopereview.finding.StoredFinding;

/**
 * A finding group of SPEC §9 as an OSCAL observation shows it.
 *
 * @param key identifies the group within the board's run, and so its observation
 * @param severity the most severe of its findings
 * @param outOfScopeValue what lay out of scope, for the OOS-* scope codes, or
 * {@code null}
 * @param first when its earliest action occurred, or {@code null}
 * @param last when its latest action occurred, or {@code null}
 * @param examples up to three of its findings; a group of one holds the finding itself
 * @param controls the control references its findings bear on
 */
record ObservationGroup(String key, FindingCode code, Severity severity, String envelopeId, String agent,
		String outOfScopeValue, long count, Instant first, Instant last, List<StoredFinding> examples,
		List<String> controls) {

	ObservationGroup {
		examples = List.copyOf(examples);
		controls = List.copyOf(controls);
	}

	/** The finding groups of a board's findings, in the order the pack shows them. */
	static List<ObservationGroup> of(List<StoredFinding> findings) {
		return FindingGroups.of(findings).stream().map(ObservationGroup::of).toList();
	}

	static ObservationGroup of(FindingGroup group) {
		return new ObservationGroup(group.key(), group.code(), group.severity(), group.envelopeId(), group.agent(),
				group.outOfScopeValue(), group.count(), group.firstOccurrence(), group.lastOccurrence(),
				group.examples(), group.first().finding().controls());
	}

}
