package org.envelopereview.review.output;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.StoredFinding;

/**
 * findings.csv: RFC 4180 (CRLF, quoted when needed), one row per finding in report order;
 * cells that a spreadsheet would run as a formula are prefixed with {@code '}.
 */
final class FindingsCsv {

	static final List<String> HEADER = List.of("severity", "code", "board", "unassigned", "envelope", "action",
			"explanation", "evidence", "controls", "key");

	private FindingsCsv() {
	}

	static String render(List<StoredFinding> findings) {
		StringBuilder csv = new StringBuilder();
		row(csv, HEADER);
		for (StoredFinding stored : findings) {
			Finding finding = stored.finding();
			row(csv, List.of(finding.severity().label(), finding.code().code(), finding.boardId(),
					Boolean.toString(finding.unassigned()), orEmpty(finding.envelopeId()), orEmpty(finding.actionId()),
					finding.explanation(), evidence(finding.evidence()), String.join("; ", finding.controls()),
					stored.key()));
		}
		return csv.toString();
	}

	private static String evidence(Map<String, String> evidence) {
		return evidence.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining("; "));
	}

	private static void row(StringBuilder csv, List<String> cells) {
		csv.append(cells.stream().map(FindingsCsv::cell).collect(Collectors.joining(","))).append("\r\n");
	}

	static String cell(String value) {
		String text = defuse(value);
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

	private static String defuse(String value) {
		if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			return "'" + value;
		}
		return value;
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
