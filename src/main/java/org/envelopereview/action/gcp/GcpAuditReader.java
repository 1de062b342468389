package org.envelopereview.action.gcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.envelopereview.action.ActionFields;
import org.envelopereview.action.RejectedRecord;
import org.envelopereview.action.SourceRecord;
import org.envelopereview.action.provider.JsonPaths;
import org.envelopereview.action.provider.OperationEntries;
import org.envelopereview.action.provider.OperationEntries.Operation;
import org.envelopereview.action.provider.OperationEntries.Part;
import org.envelopereview.action.provider.OperationEntries.Phase;
import org.envelopereview.action.provider.ProviderChange;
import org.envelopereview.action.provider.ProviderEvent;
import org.envelopereview.action.provider.ProviderLogReader;
import org.envelopereview.action.provider.Regions;

/**
 * Google Cloud Audit Logs in the shapes they are exported in: Cloud Logging entries one
 * per line (Cloud Storage sinks, {@code gcloud logging read --format=json} piped through
 * {@code jq -c}), a JSON array of entries ({@code gcloud logging read --format=json}),
 * the Logging API's {@code {"entries":[…]}}, and Pub/Sub sink messages (the entry base64
 * in {@code message.data}, one per line, in an array or in
 * {@code {"receivedMessages":[…]}}). A long-running operation's first and last entries
 * are one change: the first gives its request, the last its status.
 */
public final class GcpAuditReader extends ProviderLogReader {

	/** The provider of SPEC §7 that every action read here names. */
	public static final String PROVIDER = "gcp";

	static final String SHAPES = "Google Cloud audit log; accepted: Cloud Logging entries (LogEntry with "
			+ "protoPayload) one per line, a JSON array of them (gcloud logging read --format=json), "
			+ "{\"entries\":[…]}, Pub/Sub sink messages {\"message\":{\"data\":…}}";

	private static final Pattern VERSION = Pattern.compile("^(v\\d+\\w*|beta|alpha)\\.");

	private static final Pattern PROJECT = Pattern.compile("^projects/([^/]+)/");

	private static final Pattern LOCATION = Pattern.compile("/(?:regions|zones|locations)/([^/]+)");

	private static final Pattern ZONE = Pattern.compile("^([a-z]+-[a-z]+\\d+)-[a-z]$");

	/** Entries of these logs never change anything an envelope governs. */
	private static final List<String> SKIPPED_LOGS = List.of("data_access", "system_event", "policy");

	private static final String[] CODES = { "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
			"NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
			"OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED" };

	private final OperationEntries<JsonNode> operations;

	public GcpAuditReader(int maxRecordBytes) {
		this(maxRecordBytes, 10_000);
	}

	GcpAuditReader(int maxRecordBytes, int heldOperations) {
		super(maxRecordBytes, Set.of("entries", "receivedMessages"));
		this.operations = new OperationEntries<>(heldOperations);
	}

	@Override
	protected String shapes() {
		return SHAPES;
	}

	@Override
	protected void entry(JsonNode node, long line, String raw, Input input) throws IOException {
		JsonNode entry;
		try {
			entry = unwrapped(node);
		}
		catch (RejectedRecord ex) {
			input.judge(false, ex.reason());
			input.sink().quarantine(line, raw, ex.reason(), null, null);
			return;
		}
		JsonNode payload = entry.path("protoPayload");
		input.judge(entry.isObject() && (entry.has("logName") || payload.has("methodName")),
				"the first record has neither logName nor protoPayload.methodName");
		String time = JsonPaths.text(entry, "timestamp");
		Instant at = ActionFields.timestamp("timestamp", time, new ArrayList<>());
		String region = region(entry);
		if (at != null) {
			input.sink().observed(PROVIDER, account(entry), region, at);
		}
		String method = JsonPaths.text(payload, "methodName");
		if (method == null) {
			input.sink().skip("(not an audit log entry)");
			return;
		}
		String name = VERSION.matcher(method).replaceFirst("");
		String logName = JsonPaths.text(entry, "logName");
		if ((logName != null && SKIPPED_LOGS.stream().anyMatch((log) -> logName.endsWith("%2F" + log)))
				|| (!GcpAuditMethods.METHODS.names(name) && GcpAuditMethods.METHODS.isReadOnly(name))) {
			input.sink().skip(method);
			return;
		}
		// a write is one change however many entries its operation has, whether the
		// catalogue maps it or not: its entries are joined either way
		Phase phase = phase(entry);
		String operation = JsonPaths.text(entry.path("operation"), "id");
		Part<JsonNode> part = new Part<>(entry, line, raw);
		if (operation == null) {
			change(single(part), input);
			return;
		}
		for (Operation<JsonNode> ready : this.operations.add(operation, phase, part)) {
			change(ready, input);
		}
	}

	@Override
	protected void finish(Input input) throws IOException {
		for (Operation<JsonNode> open : this.operations.drain()) {
			change(open, input);
		}
	}

	/**
	 * One change from an operation's entries: the request and the caller from its first
	 * entry, the outcome from its last (or the first's, when the input holds no other).
	 */
	private void change(Operation<JsonNode> operation, Input input) throws IOException {
		Part<JsonNode> first = operation.first();
		Part<JsonNode> last = operation.last();
		JsonNode entry = first.entry();
		JsonNode payload = entry.path("protoPayload");
		String method = JsonPaths.text(payload, "methodName");
		String name = VERSION.matcher(method).replaceFirst("");
		List<ProviderChange> changes = GcpAuditMethods.METHODS.changes(name, payload);
		try {
			if (changes.isEmpty()) {
				notReviewed(entry, method, first.line(), first.raw(), input);
			}
			else {
				String operationId = JsonPaths.text(entry.path("operation"), "id");
				String principal = principal(payload);
				if (principal == null) {
					principal = principal(last.entry().path("protoPayload"));
				}
				String region = region(entry);
				if (!Regions.isKnown(PROVIDER, region)) {
					input.sink().unknownRegion(PROVIDER, region);
				}
				ProviderEvent event = new ProviderEvent(PROVIDER, method,
						(operationId != null) ? operationId : JsonPaths.text(entry, "insertId"),
						JsonPaths.text(entry, "timestamp"), ProviderEvent.agentOf(principal), principal, account(entry),
						region, errorCode(first.entry(), last.entry()),
						JsonPaths.text(payload.path("requestMetadata"), "callerSuppliedUserAgent"),
						JsonPaths.text(payload.path("requestMetadata"), "callerIp"), changes);
				List<SourceRecord> records = event.actions("timestamp", first.line(), first.raw());
				input.sink().accept(records);
			}
		}
		catch (RejectedRecord ex) {
			input.sink().quarantine(first.line(), first.raw(), ex.reason(), ex.recordId(), ex.occurredAt());
		}
		operation.others()
			.forEach((other) -> input.sink()
				.skip(JsonPaths.text(other.entry().path("protoPayload"), "methodName") + " (operation continued)"));
	}

	private static void notReviewed(JsonNode entry, String method, long line, String raw, Input input) {
		List<String> problems = new ArrayList<>();
		Instant at = ActionFields.timestamp("timestamp", JsonPaths.text(entry, "timestamp"), problems);
		if (at == null) {
			input.sink()
				.quarantine(line, raw, method + ": a write no rule covers (not reviewed) with "
						+ (problems.isEmpty() ? "no timestamp" : problems.get(0)) + ": it cannot be placed in a period",
						JsonPaths.text(entry, "insertId"), null);
			return;
		}
		input.sink().notReviewed(method, at);
	}

	private static Operation<JsonNode> single(Part<JsonNode> part) {
		OperationEntries<JsonNode> one = new OperationEntries<>(1);
		return one.add("", Phase.WHOLE, part).get(0);
	}

	private static Phase phase(JsonNode entry) {
		JsonNode operation = entry.path("operation");
		boolean first = operation.path("first").asBoolean(false);
		boolean last = operation.path("last").asBoolean(false);
		if (first == last) {
			return (first || !operation.has("id")) ? Phase.WHOLE : Phase.PROGRESS;
		}
		return first ? Phase.BEGIN : Phase.END;
	}

	/**
	 * A failed status ({@code protoPayload.status.code} other than 0) on the last entry,
	 * or on the first: the google.rpc code's name.
	 */
	private static String errorCode(JsonNode first, JsonNode last) {
		for (JsonNode entry : List.of(last, first)) {
			JsonNode code = entry.path("protoPayload").path("status").path("code");
			if (code.isNumber() && code.asInt() != 0) {
				int value = code.asInt();
				return (value > 0 && value < CODES.length) ? CODES[value] : "CODE_" + value;
			}
		}
		return null;
	}

	private static String principal(JsonNode payload) {
		JsonNode authentication = payload.path("authenticationInfo");
		String email = JsonPaths.text(authentication, "principalEmail");
		return (email != null) ? email : JsonPaths.text(authentication, "principalSubject");
	}

	/** The project: the resource's label, else the log's. */
	static String account(JsonNode entry) {
		String project = JsonPaths.text(entry.path("resource").path("labels"), "project_id");
		if (project != null) {
			return project;
		}
		String logName = JsonPaths.text(entry, "logName");
		Matcher matcher = (logName != null) ? PROJECT.matcher(logName) : null;
		return (matcher != null && matcher.find()) ? matcher.group(1) : null;
	}

	/**
	 * The region: the resource's region or zone label, else where the resource is, else
	 * the region or zone its name holds, else {@code global} for a global resource; a
	 * zone gives its region.
	 */
	static String region(JsonNode entry) {
		JsonNode labels = entry.path("resource").path("labels");
		JsonNode payload = entry.path("protoPayload");
		String location = JsonPaths.text(labels, "region");
		if (location == null) {
			location = JsonPaths.text(labels, "zone");
		}
		if (location == null) {
			location = JsonPaths.text(labels, "location");
		}
		if (location == null) {
			location = JsonPaths.value(payload, "resourceLocation.currentLocations");
		}
		String resourceName = JsonPaths.text(payload, "resourceName");
		if (location == null && resourceName != null) {
			Matcher matcher = LOCATION.matcher(resourceName);
			if (matcher.find()) {
				location = matcher.group(1);
			}
			else if (resourceName.contains("/global/")) {
				location = "global";
			}
		}
		if (location == null) {
			return null;
		}
		Matcher zone = ZONE.matcher(location);
		return zone.matches() ? zone.group(1) : location;
	}

	/** The entry of a Pub/Sub message (base64 in {@code data}), or the entry itself. */
	private JsonNode unwrapped(JsonNode node) {
		JsonNode message = node.has("message") && node.path("message").has("data") ? node.path("message") : node;
		JsonNode data = message.get("data");
		if (data == null || !data.isString() || node.has("protoPayload")) {
			return node;
		}
		try {
			return this.json
				.readTree(new String(Base64.getDecoder().decode(data.stringValue()), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new RejectedRecord("a Pub/Sub message whose data is not a base64 JSON log entry",
					JsonPaths.text(message, "messageId"), null);
		}
	}

}
