package org.envelopereview.pack;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingGroup;
import org.envelopereview.review.output.BoardReview;

/**
 * Writes {@code finding-groups.json}: the groups the pack shows (SPEC §9), every one of
 * them, in the pack's order. Byte-identical for identical findings: no run id, no clock.
 */
final class FindingGroupsJson {

	static final String FORMAT = "envelope-review-finding-groups/v1";

	private static final ObjectWriter PRETTY = JsonMapper.builder()
		.build()
		.writer()
		.with(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
			.withArrayIndenter(new DefaultIndenter("  ", "\n")));

	private FindingGroupsJson() {
	}

	static byte[] write(BoardReview review, List<FindingGroup> groups) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("format", FORMAT);
		document.put("period", review.period().label());
		document.put("board", review.board().id());
		document.put("findings", groups.stream().mapToLong(FindingGroup::count).sum());
		document.put("groups", groups.stream().map(FindingGroupsJson::group).toList());
		return (PRETTY.writeValueAsString(document) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	private static Map<String, Object> group(FindingGroup group) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("code", group.code().code());
		document.put("severity", group.severity().label());
		document.put("envelope", group.envelopeId());
		document.put("agent", group.agent());
		document.put("outOfScopeValue", group.outOfScopeValue());
		document.put("count", group.count());
		document.put("firstOccurrence", (group.firstOccurrence() != null) ? group.firstOccurrence().toString() : null);
		document.put("lastOccurrence", (group.lastOccurrence() != null) ? group.lastOccurrence().toString() : null);
		Map<String, Long> weeks = new LinkedHashMap<>();
		group.weeklyCounts().forEach((week, count) -> weeks.put(week.toString(), count));
		document.put("weeklyCounts", weeks);
		document.put("examples", group.examples().stream().map((stored) -> {
			Finding finding = stored.finding();
			Map<String, Object> example = new LinkedHashMap<>();
			example.put("action", finding.actionId());
			example.put("occurredAt", finding.evidence().get("occurredAt"));
			example.put("explanation", finding.explanation());
			return example;
		}).toList());
		return document;
	}

}
