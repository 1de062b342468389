package org.envelopereview.export;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.StoredFinding;

/**
 * Groups a board's findings as SPEC §9 does: the same code, envelope, agent and, for the
 * OOS-* scope codes, the same out-of-scope value. A finding about no action is a group of
 * its own.
 */
final class FindingGrouping {

	static final int MAX_EXAMPLES = 3;

	private static final Comparator<ObservationGroup> ORDER = Comparator.comparing(ObservationGroup::severity)
		.thenComparing(Comparator.comparingLong(ObservationGroup::count).reversed())
		.thenComparing(ObservationGroup::key);

	private FindingGrouping() {
	}

	static List<ObservationGroup> of(List<StoredFinding> findings) {
		Map<String, List<StoredFinding>> byKey = new LinkedHashMap<>();
		for (StoredFinding stored : findings) {
			byKey.computeIfAbsent(key(stored), (k) -> new ArrayList<>()).add(stored);
		}
		List<ObservationGroup> groups = new ArrayList<>();
		byKey.forEach((key, members) -> groups.add(group(key, members)));
		groups.sort(ORDER);
		return groups;
	}

	private static String key(StoredFinding stored) {
		Finding finding = stored.finding();
		String key = String.join("|", finding.code().code(), nullToEmpty(finding.envelopeId()),
				nullToEmpty(agent(finding)), nullToEmpty(outOfScopeValue(finding)));
		return (finding.actionId() != null) ? key : key + "|" + stored.key();
	}

	private static ObservationGroup group(String key, List<StoredFinding> members) {
		Finding first = members.get(0).finding();
		List<StoredFinding> byTime = new ArrayList<>(members);
		byTime.sort(
				Comparator
					.comparing((StoredFinding stored) -> occurredAt(stored.finding()),
							Comparator.nullsLast(Comparator.naturalOrder()))
					.thenComparing(StoredFinding::key));
		Instant earliest = occurredAt(byTime.get(0).finding());
		Instant latest = byTime.stream()
			.map((stored) -> occurredAt(stored.finding()))
			.filter((instant) -> instant != null)
			.max(Comparator.naturalOrder())
			.orElse(null);
		Set<String> controls = new LinkedHashSet<>();
		members.forEach((stored) -> controls.addAll(stored.finding().controls()));
		return new ObservationGroup(key, first.code(),
				members.stream()
					.map((stored) -> stored.finding().severity())
					.min(Comparator.naturalOrder())
					.orElseThrow(),
				first.envelopeId(), agent(first), outOfScopeValue(first), members.size(), earliest, latest,
				byTime.subList(0, Math.min(MAX_EXAMPLES, byTime.size())), List.copyOf(controls));
	}

	private static String agent(Finding finding) {
		return (finding.actionId() != null) ? finding.evidence().get("agent") : null;
	}

	/** The evidence field that holds the out-of-scope value of a scope code. */
	private static String outOfScopeValue(Finding finding) {
		String field = switch (finding.code()) {
			case OOS_PORT -> "ports";
			case OOS_CIDR -> "cidr";
			case OOS_REGION -> "region";
			case OOS_PROTOCOL -> "protocol";
			case OOS_ACTION_TYPE -> "type";
			case OOS_RESOURCE -> "resource";
			case OOS_MODEL -> "modelVersion";
			default -> null;
		};
		if (field == null) {
			return null;
		}
		String value = finding.evidence().get(field);
		return (value != null && !value.isBlank()) ? value : "(none)";
	}

	private static Instant occurredAt(Finding finding) {
		String value = finding.evidence().get("occurredAt");
		try {
			return (value != null) ? Instant.parse(value) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
