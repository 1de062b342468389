package org.envelopereview.action.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionDao;
import org.envelopereview.action.ActionFields;
import org.envelopereview.action.ActionHash;
import org.envelopereview.action.ActionRow;
import org.envelopereview.action.ProviderSpan;
import org.envelopereview.action.QuarantineRow;
import org.envelopereview.action.RecordSink;
import org.envelopereview.action.SourceCounts;
import org.envelopereview.action.SourceRecord;
import org.envelopereview.action.StoredAction;
import org.envelopereview.system.Parallel;

/**
 * Collects one input's records and writes them batch by batch, one transaction per batch:
 * drops exact duplicates, quarantines conflicting ones, verifies a source's chain or
 * chains the records itself. Batches are written on a thread of their own while the
 * reader parses the next one (at most one batch in flight, so memory stays bounded);
 * every count is kept by that writer, in record order, except reads and skips.
 */
final class IngestBatch implements RecordSink, AutoCloseable {

	private final Jdbi jdbi;

	private final ActionRowWriter writer;

	private final Map<String, ActionDao.ChainTip> chainTips;

	private final long sourceId;

	private final String sourceName;

	private final int batchSize;

	private final Clock clock;

	private final SourceCounts counts = new SourceCounts();

	private final ExecutorService writerThread = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "ingest-writer");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Per (provider, account, region), the span of the provider events read: held in
	 * memory, one entry per account and region of the input.
	 */
	private final Map<List<String>, Span> coverage = new TreeMap<>(IngestBatch::compareKeys);

	private List<SourceRecord> pending = new ArrayList<>();

	private List<QuarantineRow> quarantine = new ArrayList<>();

	private Future<?> inFlight;

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

	@Override
	public void notReviewed(String name) {
		notReviewed(name, null);
	}

	@Override
	public void notReviewed(String name, Instant occurredAt) {
		this.counts.read();
		this.counts.notReviewed(name, occurredAt);
	}

	@Override
	public void unknownRegion(String provider, String region) {
		this.counts.unknownRegion(provider, region);
	}

	@Override
	public void observed(String provider, String account, String region, Instant at) {
		List<String> problems = new ArrayList<>();
		ActionFields.checkText("account", account, problems);
		ActionFields.checkText("region", region, problems);
		if (at == null || !problems.isEmpty()) {
			// a value no action could hold: the event is quarantined, it covers nothing
			return;
		}
		this.coverage.computeIfAbsent(java.util.Arrays.asList(provider, account, region), (key) -> new Span(at))
			.add(at);
	}

	/** What the input covers, per provider, account and region, in a stable order. */
	List<ProviderSpan> coverage() {
		List<ProviderSpan> spans = new ArrayList<>();
		this.coverage.forEach((key, span) -> spans.add(ProviderSpan.of(this.sourceId, key.get(0), key.get(1),
				key.get(2), span.first, span.last, span.events)));
		return spans;
	}

	private static int compareKeys(List<String> left, List<String> right) {
		for (int i = 0; i < left.size(); i++) {
			int order = java.util.Comparator.nullsFirst(String::compareTo).compare(left.get(i), right.get(i));
			if (order != 0) {
				return order;
			}
		}
		return 0;
	}

	private void addQuarantine(long line, String raw, String reason, String recordId, Instant occurredAt) {
		this.quarantine.add(QuarantineRow.of(this.sourceId, this.sourceName, line, raw, reason, recordId, occurredAt,
				this.clock.instant()));
	}

	private void flushWhenFull() {
		if (this.pending.size() + this.quarantine.size() >= this.batchSize) {
			handOff();
		}
	}

	/** Writes what is pending and waits until every batch is written. */
	void flush() {
		handOff();
		awaitInFlight();
	}

	@Override
	public void close() {
		this.writerThread.shutdownNow();
	}

	private void handOff() {
		if (this.pending.isEmpty() && this.quarantine.isEmpty()) {
			return;
		}
		awaitInFlight();
		Batch batch = new Batch(this.pending, this.quarantine);
		this.pending = new ArrayList<>();
		this.quarantine = new ArrayList<>();
		this.inFlight = this.writerThread.submit(() -> this.jdbi.useTransaction((handle) -> write(handle, batch)));
	}

	/** Rethrows what failed the batch in flight, as the writer threw it. */
	private void awaitInFlight() {
		if (this.inFlight == null) {
			return;
		}
		try {
			Parallel.await(this.inFlight, "writing a batch of " + this.sourceName);
		}
		finally {
			this.inFlight = null;
		}
	}

	private void write(Handle handle, Batch batch) {
		// printed to the terminal: no escape sequence from the input may reach it
		batch.quarantine()
			.forEach((row) -> this.counts
				.quarantined(this.sourceName + ":" + row.lineNumber() + ": " + QuarantineRow.shown(row.reason())));
		List<QuarantineRow> conflicts = new ArrayList<>();
		ActionDao dao = ActionDao.attach(handle);
		Set<String> ids = batch.records()
			.stream()
			.map((record) -> record.action().id())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Map<String, StoredAction> stored = ids.isEmpty() ? Map.of()
				: dao.findStored(ids.toArray(String[]::new))
					.stream()
					.collect(Collectors.toMap((action) -> action.action().id(), Function.identity()));
		Map<String, SourceRecord> inBatch = new HashMap<>();
		Map<String, String> seqsInBatch = new HashMap<>();
		List<ActionRow> rows = new ArrayList<>();
		for (SourceRecord record : batch.records()) {
			Action action = record.action();
			String origin = origin(stored.get(action.id()), inBatch.get(action.id()));
			Action earlier = (stored.get(action.id()) != null) ? stored.get(action.id()).action()
					: (inBatch.get(action.id()) != null) ? inBatch.get(action.id()).action() : null;
			if (earlier != null) {
				if (ActionHash.canonicalJson(earlier).equals(ActionHash.canonicalJson(action))) {
					this.counts.duplicate();
				}
				else {
					conflicts.add(quarantined(record,
							"conflicting duplicate of " + action.id() + " already stored from " + origin));
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
					conflicts.add(quarantined(record, "seq " + action.seq() + " of agent " + action.agent()
							+ " is already taken by action " + holder));
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
		List<QuarantineRow> quarantined = new ArrayList<>(batch.quarantine());
		quarantined.addAll(conflicts);
		if (!quarantined.isEmpty()) {
			dao.insertQuarantined(quarantined);
		}
	}

	private QuarantineRow quarantined(SourceRecord record, String reason) {
		Action action = record.action();
		this.counts.quarantined(this.sourceName + ":" + record.line() + ": " + QuarantineRow.shown(reason));
		return QuarantineRow.of(this.sourceId, this.sourceName, record.line(), record.raw(), reason, action.id(),
				action.occurredAt(), this.clock.instant());
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

	/** The first and last time of the events of one account and region. */
	private static final class Span {

		private Instant first;

		private Instant last;

		private long events;

		Span(Instant at) {
			this.first = at;
			this.last = at;
		}

		void add(Instant at) {
			this.first = at.isBefore(this.first) ? at : this.first;
			this.last = at.isAfter(this.last) ? at : this.last;
			this.events++;
		}

	}

	/** What the reader handed over for one transaction. */
	private record Batch(List<SourceRecord> records, List<QuarantineRow> quarantine) {

	}

	private String origin(StoredAction stored, SourceRecord inBatch) {
		if (stored != null) {
			return stored.origin();
		}
		return (inBatch != null) ? this.sourceName + ":" + inBatch.line() : null;
	}

}
