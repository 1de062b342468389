package org.envelopereview.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.FindingCatalogue;
import org.envelopereview.finding.Severity;
import org.envelopereview.finding.StoredFinding;

/**
 * A board's findings as OCSF events, one JSON object per line: a Compliance Finding
 * (2003) per envelope check that failed, a Detection Finding (2004) per out-of-scope
 * action. A finding the previous period's run also had is an Update, a new one a Create,
 * and one of the previous run that this run no longer has is Closed; the finding's uid
 * (its key, which holds no period) ties them together.
 */
final class OcsfFindings {

	static final String OCSF_VERSION = "1.3.0";

	static final int COMPLIANCE_FINDING = 2003;

	static final int DETECTION_FINDING = 2004;

	static final int CREATE = 1;

	static final int UPDATE = 2;

	static final int CLOSE = 3;

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private OcsfFindings() {
	}

	static byte[] write(BoardExport export) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			write(export, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Writes the events line by line, so that a board with 100,000 findings never holds
	 * its whole export in memory.
	 */
	static void write(BoardExport export, OutputStream out) throws IOException {
		for (Map<String, Object> event : events(export)) {
			out.write(JSON.writeValueAsBytes(event));
			out.write('\n');
		}
	}

	/** The events in file order: this run's findings in report order, then the Closes. */
	static Iterable<Map<String, Object>> events(BoardExport export) {
		Set<String> before = new HashSet<>();
		export.previousFindings().forEach((stored) -> before.add(stored.key()));
		Set<String> now = new HashSet<>();
		export.findings().forEach((stored) -> now.add(stored.key()));
		Stream<Map<String, Object>> current = export.findings()
			.stream()
			.map((stored) -> event(export, stored, before.contains(stored.key()) ? UPDATE : CREATE));
		Stream<Map<String, Object>> closed = export.previousFindings()
			.stream()
			.filter((stored) -> !now.contains(stored.key()))
			.map((stored) -> event(export, stored, CLOSE));
		return Stream.concat(current, closed)::iterator;
	}

	/**
	 * An action finding is about one action the agent took; the others check envelopes.
	 */
	static int classOf(Finding finding) {
		return (finding.actionId() != null) ? DETECTION_FINDING : COMPLIANCE_FINDING;
	}

	private static Map<String, Object> event(BoardExport export, StoredFinding stored, int activity) {
		Finding finding = stored.finding();
		int classUid = classOf(finding);
		String className = (classUid == COMPLIANCE_FINDING) ? "Compliance Finding" : "Detection Finding";
		String activityName = switch (activity) {
			case CREATE -> "Create";
			case UPDATE -> "Update";
			default -> "Close";
		};
		String findingUid = NameBasedUuid.of("ocsf-finding", stored.key());
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("activity_id", activity);
		event.put("activity_name", activityName);
		event.put("category_uid", 2);
		event.put("category_name", "Findings");
		event.put("class_uid", classUid);
		event.put("class_name", className);
		event.put("type_uid", classUid * 100L + activity);
		event.put("type_name", className + ": " + activityName);
		event.put("time", export.asOf().toEpochMilli());
		event.put("severity_id", severityId(finding.severity()));
		event.put("severity", severityName(finding.severity()));
		event.put("status_id", switch (activity) {
			case CREATE -> 1;
			case UPDATE -> 2;
			default -> 4;
		});
		event.put("status", switch (activity) {
			case CREATE -> "New";
			case UPDATE -> "In Progress";
			default -> "Resolved";
		});
		event.put("message",
				(activity == CLOSE) ? "no longer found in " + export.period().label() + ": " + finding.explanation()
						: finding.explanation());
		event.put("metadata", metadata(export, stored, activity));
		event.put("finding_info", findingInfo(finding, findingUid));
		if (classUid == COMPLIANCE_FINDING) {
			event.put("compliance", compliance(finding, activity));
		}
		List<Map<String, Object>> resources = resources(finding);
		if (!resources.isEmpty()) {
			event.put("resources", resources);
		}
		event.put("unmapped", unmapped(export, stored));
		return event;
	}

	private static Map<String, Object> metadata(BoardExport export, StoredFinding stored, int activity) {
		Map<String, Object> product = new LinkedHashMap<>();
		product.put("name", "Envelope Review");
		product.put("vendor_name", "Envelope Review");
		product.put("version", export.softwareVersion());
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("version", OCSF_VERSION);
		metadata.put("product", product);
		metadata.put("uid",
				NameBasedUuid.of("ocsf-event", export.period().label(), stored.key(), Integer.toString(activity)));
		metadata.put("log_name", "envelope-review/" + export.boardId());
		return metadata;
	}

	private static Map<String, Object> findingInfo(Finding finding, String findingUid) {
		FindingCatalogue.Entry entry = FindingCatalogue.shipped().entry(finding.code());
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("uid", findingUid);
		info.put("title", finding.code().code() + ": " + entry.meaning());
		info.put("desc", finding.explanation());
		info.put("types", List.of(finding.code().code()));
		Instant occurred = occurredAt(finding);
		if (occurred != null) {
			info.put("first_seen_time", occurred.toEpochMilli());
			info.put("last_seen_time", occurred.toEpochMilli());
		}
		return info;
	}

	private static Map<String, Object> compliance(Finding finding, int activity) {
		FindingCatalogue catalogue = FindingCatalogue.shipped();
		Set<String> standards = new LinkedHashSet<>();
		finding.controls()
			.forEach((ref) -> standards
				.add(catalogue.control(ref).map(FindingCatalogue.Control::framework).orElse(ref)));
		Map<String, Object> compliance = new LinkedHashMap<>();
		compliance.put("control", finding.code().code());
		compliance.put("requirements", finding.controls());
		compliance.put("standards", List.copyOf(standards));
		compliance.put("status_id", (activity == CLOSE) ? 1 : 3);
		compliance.put("status", (activity == CLOSE) ? "Pass" : "Fail");
		return compliance;
	}

	private static List<Map<String, Object>> resources(Finding finding) {
		List<Map<String, Object>> resources = new ArrayList<>();
		if (finding.envelopeId() != null) {
			Map<String, Object> envelope = new LinkedHashMap<>();
			envelope.put("uid", finding.envelopeId());
			envelope.put("type", "Envelope");
			resources.add(envelope);
		}
		String resource = finding.evidence().get("resource");
		if (finding.actionId() != null && resource != null) {
			Map<String, Object> target = new LinkedHashMap<>();
			target.put("uid", resource);
			target.put("type", "Network resource");
			String region = finding.evidence().get("region");
			if (region != null) {
				target.put("region", region);
			}
			resources.add(target);
		}
		return resources;
	}

	private static Map<String, Object> unmapped(BoardExport export, StoredFinding stored) {
		Finding finding = stored.finding();
		Map<String, Object> unmapped = new LinkedHashMap<>();
		unmapped.put("board", export.boardId());
		unmapped.put("period", export.period().label());
		unmapped.put("finding_key", stored.key());
		unmapped.put("code", finding.code().code());
		unmapped.put("unassigned", finding.unassigned());
		if (finding.envelopeId() != null) {
			unmapped.put("envelope", finding.envelopeId());
		}
		if (finding.actionId() != null) {
			unmapped.put("action", finding.actionId());
		}
		unmapped.put("controls", finding.controls());
		unmapped.put("evidence", finding.evidence());
		return unmapped;
	}

	private static Instant occurredAt(Finding finding) {
		String value = finding.evidence().get("occurredAt");
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static int severityId(Severity severity) {
		return switch (severity) {
			case CRITICAL -> 5;
			case HIGH -> 4;
			case MEDIUM -> 3;
			case LOW -> 2;
		};
	}

	private static String severityName(Severity severity) {
		return switch (severity) {
			case CRITICAL -> "Critical";
			case HIGH -> "High";
			case MEDIUM -> "Medium";
			case LOW -> "Low";
		};
	}

}
