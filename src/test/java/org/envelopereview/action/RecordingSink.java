package org.envelopereview.action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a reader produced, for reader tests that need no database. */
final class RecordingSink implements RecordSink {

	final List<List<SourceRecord>> accepted = new ArrayList<>();

	final List<Quarantined> quarantined = new ArrayList<>();

	final List<String> skipped = new ArrayList<>();

	record Quarantined(long line, String raw, String reason, String recordId, Instant occurredAt) {

	}

	@Override
	public void accept(List<SourceRecord> records) {
		this.accepted.add(records);
	}

	@Override
	public void quarantine(long line, String raw, String reason, String recordId, Instant occurredAt) {
		this.quarantined.add(new Quarantined(line, raw, reason, recordId, occurredAt));
	}

	@Override
	public void skip(String name) {
		this.skipped.add(name);
	}

	List<Action> actions() {
		return this.accepted.stream().flatMap(List::stream).map(SourceRecord::action).toList();
	}

	List<Long> lines() {
		return this.accepted.stream().flatMap(List::stream).map(SourceRecord::line).toList();
	}

}
