package org.envelopereview.action.azure;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.envelopereview.action.ActionFields;
import org.envelopereview.action.RejectedRecord;
import org.envelopereview.action.provider.OperationEntries;
import org.envelopereview.action.provider.OperationEntries.Operation;
import org.envelopereview.action.provider.OperationEntries.Part;
import org.envelopereview.action.provider.OperationEntries.Phase;
import org.envelopereview.action.provider.ProviderChange;
import org.envelopereview.action.provider.ProviderEvent;
import org.envelopereview.action.provider.ProviderLogReader;
import org.envelopereview.action.provider.Regions;

/**
 * The Azure Activity Log in the shapes it is exported in: the portal's and CLI's JSON
 * array ({@code az monitor activity-log list}), the REST API's {@code {"value":[…]}},
 * Event Hub messages and storage-account files ({@code {"records":[…]}}, or one record
 * per line), and Log Analytics {@code AzureActivity} rows as a JSON array or one per
 * line. An operation's entries (Started, Accepted, Succeeded or Failed) are one change:
 * the first gives its request, the last its status.
 */
public final class AzureActivityReader extends ProviderLogReader {

	/** The provider of SPEC §7 that every action read here names. */
	public static final String PROVIDER = "azure";

	static final String SHAPES = "Azure Activity Log; accepted: the portal/CLI JSON array of events, "
			+ "{\"value\":[…]}, Event Hub or storage {\"records\":[…]} and their records one per line, "
			+ "Log Analytics AzureActivity rows";

	private final OperationEntries<AzureEntry> operations;

	public AzureActivityReader(int maxRecordBytes) {
		this(maxRecordBytes, 10_000);
	}

	AzureActivityReader(int maxRecordBytes, int heldOperations) {
		super(maxRecordBytes, Set.of("records", "value"));
		this.operations = new OperationEntries<>(heldOperations);
	}

	@Override
	protected String shapes() {
		return SHAPES;
	}

	@Override
	protected void entry(JsonNode node, long line, String raw, Input input) throws IOException {
		input.judge(AzureEntry.looksLike(node), "the first record has no operationName");
		if (!AzureEntry.looksLike(node)) {
			input.sink().quarantine(line, raw, "not an Activity Log entry: no operationName", null, null);
			return;
		}
		AzureEntry entry = AzureEntry.of(node, this.json);
		Instant at = ActionFields.timestamp("time", entry.time(), new ArrayList<>());
		if (at != null) {
			input.sink().observed(PROVIDER, entry.subscriptionId(), entry.region(), at);
		}
		String name = entry.operationName();
		if (name == null) {
			input.sink().quarantine(line, raw, "an Activity Log entry with an empty operationName", null, at);
			return;
		}
		if (!entry.administrative()) {
			input.sink().skip(name + " (" + entry.category() + ")");
			return;
		}
		if (!AzureOperations.OPERATIONS.names(name) && AzureOperations.OPERATIONS.isReadOnly(name)) {
			input.sink().skip(name);
			return;
		}
		// a write is one change however many entries its operation has, whether the
		// catalogue maps it or not: its entries are joined either way
		Phase phase = phase(entry.status());
		Part<AzureEntry> part = new Part<>(entry, line, raw);
		String key = entry.changeId();
		if (key == null) {
			key = "line " + line;
		}
		for (Operation<AzureEntry> ready : this.operations.add(key, phase, part)) {
			change(ready, input);
		}
	}

	@Override
	protected void finish(Input input) throws IOException {
		for (Operation<AzureEntry> open : this.operations.drain()) {
			change(open, input);
		}
	}

	private void change(Operation<AzureEntry> operation, Input input) {
		Part<AzureEntry> first = requestPart(operation);
		Part<AzureEntry> last = operation.last();
		AzureEntry entry = first.entry();
		String name = entry.operationName();
		List<ProviderChange> changes = AzureOperations.OPERATIONS.changes(name, entry.view());
		try {
			if (changes.isEmpty()) {
				notReviewed(entry, first.line(), first.raw(), input);
			}
			else {
				String caller = (entry.caller() != null) ? entry.caller() : last.entry().caller();
				String region = (entry.region() != null) ? entry.region() : last.entry().region();
				if (!Regions.isKnown(PROVIDER, region)) {
					input.sink().unknownRegion(PROVIDER, region);
				}
				String time = (operation.begin() != null) ? operation.begin().entry().time() : entry.time();
				ProviderEvent event = new ProviderEvent(PROVIDER, name, entry.changeId(), time,
						ProviderEvent.agentOf(caller), caller, entry.subscriptionId(), region, errorCode(last.entry()),
						null, (entry.callerIp() != null) ? entry.callerIp() : last.entry().callerIp(), changes);
				input.sink().accept(event.actions("time", first.line(), first.raw()));
			}
		}
		catch (RejectedRecord ex) {
			input.sink().quarantine(first.line(), first.raw(), ex.reason(), ex.recordId(), ex.occurredAt());
		}
		for (Part<AzureEntry> other : operation.others()) {
			if (other != first) {
				input.sink().skip(other.entry().operationName() + " (operation continued)");
			}
		}
		if (first != operation.first()) {
			input.sink().skip(operation.first().entry().operationName() + " (operation continued)");
		}
	}

	/**
	 * The entry that carries the request body: the begin's, else the first that has one
	 * (the end's response body, when nothing else has it), else the first.
	 */
	private static Part<AzureEntry> requestPart(Operation<AzureEntry> operation) {
		List<Part<AzureEntry>> parts = new ArrayList<>();
		parts.add(operation.first());
		parts.addAll(operation.others());
		for (Part<AzureEntry> part : parts) {
			if (part.entry().view().has("request")) {
				return part;
			}
		}
		return operation.first();
	}

	private static void notReviewed(AzureEntry entry, long line, String raw, Input input) {
		List<String> problems = new ArrayList<>();
		Instant at = ActionFields.timestamp("time", entry.time(), problems);
		if (at == null) {
			input.sink()
				.quarantine(line, raw, entry.operationName() + ": a write no rule covers (not reviewed) with "
						+ (problems.isEmpty() ? "no time" : problems.get(0)) + ": it cannot be placed in a period",
						entry.eventDataId(), null);
			return;
		}
		input.sink().notReviewed(entry.operationName(), at);
	}

	/**
	 * Started is an operation's first entry; Accepted and the like are in between;
	 * Succeeded, Failed and Canceled end it. An entry without a status stands alone.
	 */
	static Phase phase(String status) {
		if (status == null) {
			return Phase.WHOLE;
		}
		return switch (status.toLowerCase(Locale.ROOT)) {
			case "started", "start" -> Phase.BEGIN;
			case "accepted", "accept", "active", "inprogress", "updated" -> Phase.PROGRESS;
			case "succeeded", "success", "failed", "failure", "canceled", "cancelled", "cancel" -> Phase.END;
			default -> Phase.WHOLE;
		};
	}

	/**
	 * Why an operation failed, from the entry that ended it: its sub-status (e.g.
	 * {@code Conflict}), else its status.
	 */
	private static String errorCode(AzureEntry last) {
		String status = (last.status() != null) ? last.status().toLowerCase(Locale.ROOT) : "";
		if (!status.startsWith("fail") && !status.startsWith("cancel")) {
			return null;
		}
		return (last.subStatus() != null) ? last.subStatus() : last.status();
	}

}
