package org.envelopereview.action.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.envelopereview.action.Action;
import org.envelopereview.action.RecordSink;
import org.envelopereview.action.SourceRecord;

/** Keeps what a reader produced, for reader tests that need no database. */
public final class RecordingSink implements RecordSink {

	public final List<List<SourceRecord>> accepted = new ArrayList<>();

	public final List<Quarantined> quarantined = new ArrayList<>();

	public final List<String> skipped = new ArrayList<>();

	public final List<String> notReviewed = new ArrayList<>();

	/** "provider region" of each change in a region no catalogue knows. */
	public final List<String> unknownRegions = new ArrayList<>();

	public record Quarantined(long line, String raw, String reason, String recordId, Instant occurredAt) {

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

	@Override
	public void notReviewed(String name) {
		this.notReviewed.add(name);
	}

	@Override
	public void unknownRegion(String provider, String region) {
		this.unknownRegions.add(provider + " " + region);
	}

	public List<Action> actions() {
		return this.accepted.stream().flatMap(List::stream).map(SourceRecord::action).toList();
	}

	public List<Long> lines() {
		return this.accepted.stream().flatMap(List::stream).map(SourceRecord::line).toList();
	}

}
