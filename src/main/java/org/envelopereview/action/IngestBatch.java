package org.envelopereview.action;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Collects one input's records and writes them batch by batch, one transaction per batch:
 * drops exact duplicates, quarantines conflicting ones, verifies a source's chain or
 * chains the records itself.
 */
final class IngestBatch implements RecordSink {

	private final Jdbi jdbi;

	private final ActionRowWriter writer;

	private final Map<String, ActionDao.ChainTip> chainTips;

	private final long sourceId;

	private final String sourceName;

	private final int batchSize;

	private final Clock clock;

	private final SourceCounts counts = new SourceCounts();

	private final List<SourceRecord> pending = new ArrayList<>();

	private final List<QuarantineRow> quarantine = new ArrayList<>();

	IngestBatch(Jdbi jdbi, ActionRowWriter writer, Map<String, ActionDao.ChainTip> chainTips, long sourceId,
			String sourceName, int batchSize, Clock clock) {
		this.jdbi = jdbi;
		this.writer = writer;
		this.chainTips = chainTips;
		this.sourceId = sourceId;
		this.sourceName = sourceName;
		this.batchSize = batchSize;
		this.clock = clock;
	}

	SourceCounts counts() {
		return this.counts;
	}

	@Override
	public void accept(List<SourceRecord> records) {
		this.counts.read();
		this.pending.addAll(records);
		flushWhenFull();
	}

	@Override
	public void quarantine(long line, String raw, String reason, String recordId, Instant occurredAt) {
		this.counts.read();
		addQuarantine(line, raw, reason, recordId, occurredAt);
		flushWhenFull();
	}

	@Override
	public void skip(String name) {
		this.counts.read();
		this.counts.skipped(name);
	}

	private void addQuarantine(long line, String raw, String reason, String recordId, Instant occurredAt) {
		// printed to the terminal: no escape sequence from the input may reach it
		this.counts.quarantined(this.sourceName + ":" + line + ": " + QuarantineRow.shown(reason));
		this.quarantine.add(QuarantineRow.of(this.sourceId, this.sourceName, line, raw, reason, recordId, occurredAt,
				this.clock.instant()));
	}

	private void flushWhenFull() {
		if (this.pending.size() + this.quarantine.size() >= this.batchSize) {
			flush();
		}
	}

	/** Writes what is pending in one transaction. */
	void flush() {
		if (this.pending.isEmpty() && this.quarantine.isEmpty()) {
			return;
		}
		this.jdbi.useTransaction((handle) -> write(handle));
		this.pending.clear();
		this.quarantine.clear();
	}

	private void write(Handle handle) {
		ActionDao dao = ActionDao.attach(handle);
		Set<String> ids = this.pending.stream()
			.map((record) -> record.action().id())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Map<String, StoredAction> stored = ids.isEmpty() ? Map.of()
				: dao.findStored(ids.toArray(String[]::new))
					.stream()
					.collect(Collectors.toMap((action) -> action.action().id(), Function.identity()));
		Map<String, SourceRecord> inBatch = new HashMap<>();
		Map<String, String> seqsInBatch = new HashMap<>();
		List<ActionRow> rows = new ArrayList<>();
		for (SourceRecord record : this.pending) {
			Action action = record.action();
			String origin = origin(stored.get(action.id()), inBatch.get(action.id()));
			Action earlier = (stored.get(action.id()) != null) ? stored.get(action.id()).action()
					: (inBatch.get(action.id()) != null) ? inBatch.get(action.id()).action() : null;
			if (earlier != null) {
				if (ActionHash.canonicalJson(earlier).equals(ActionHash.canonicalJson(action))) {
					this.counts.duplicate();
				}
				else {
					addQuarantine(record.line(), record.raw(),
							"conflicting duplicate of " + action.id() + " already stored from " + origin, action.id(),
							action.occurredAt());
				}
				continue;
			}
			ActionDao.ChainTip tip = this.chainTips.computeIfAbsent(action.agent(),
					(agent) -> dao.chainTip(agent).orElse(ActionDao.ChainTip.GENESIS));
			ActionRow row;
			if (record.sourceChained()) {
				String seqKey = action.agent() + '\u0000' + action.seq();
				String holder = seqsInBatch.get(seqKey);
				if (holder == null && action.seq() <= tip.seq()) {
					holder = dao.actionAt(action.agent(), action.seq()).orElse(null);
				}
				if (holder != null) {
					addQuarantine(record.line(), record.raw(), "seq " + action.seq() + " of agent " + action.agent()
							+ " is already taken by action " + holder, action.id(), action.occurredAt());
					continue;
				}
				checkSourceChain(record, tip);
				seqsInBatch.put(seqKey, action.id());
				if (action.seq() > tip.seq()) {
					this.chainTips.put(action.agent(), new ActionDao.ChainTip(action.seq(), action.hash()));
				}
				row = ActionRow.of(action, ActionRow.CHAINED_BY_SOURCE, this.sourceId, record.line());
			}
			else {
				Action chained = ActionHash.chain(action, tip.seq() + 1, tip.hash());
				this.chainTips.put(action.agent(), new ActionDao.ChainTip(chained.seq(), chained.hash()));
				row = ActionRow.of(chained, ActionRow.CHAINED_BY_INGEST, this.sourceId, record.line());
			}
			rows.add(row);
			inBatch.put(action.id(), record);
			this.counts.stored(action);
		}
		this.writer.write(handle, rows);
		if (!this.quarantine.isEmpty()) {
			dao.insertQuarantined(this.quarantine);
		}
	}

	/**
	 * A source's chain is verified, not repaired: a record that does not verify is stored
	 * as given and reported, so that the review reports LOG-CHAIN-BROKEN.
	 */
	private void checkSourceChain(SourceRecord record, ActionDao.ChainTip tip) {
		Action action = record.action();
		List<String> problems = new ArrayList<>();
		if (!ActionHash.verifies(action)) {
			problems.add("hash does not match the record's content and prevHash");
		}
		if (action.seq() != tip.seq() + 1) {
			problems.add("seq " + action.seq() + " does not follow " + tip.seq());
		}
		else if (!action.prevHash().equals(tip.hash())) {
			problems.add("prevHash is not the hash of seq " + tip.seq());
		}
		if (!problems.isEmpty()) {
			this.counts.chainBreak(this.sourceName + ":" + record.line() + ": action " + action.id() + " (agent "
					+ action.agent() + ", seq " + action.seq() + "): " + String.join("; ", problems));
		}
	}

	private String origin(StoredAction stored, SourceRecord inBatch) {
		if (stored != null) {
			return stored.origin();
		}
		return (inBatch != null) ? this.sourceName + ":" + inBatch.line() : null;
	}

}
