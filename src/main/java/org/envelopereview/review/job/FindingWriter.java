package org.envelopereview.review.job;

import java.util.List;

import org.envelopereview.finding.FindingStore;
import org.envelopereview.finding.StoredFinding;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The evaluate step's writer: stores a chunk's findings in the chunk's transaction; keys
 * already written by an interrupted attempt are kept, never duplicated.
 */
class FindingWriter implements ItemWriter<List<StoredFinding>> {

	private final FindingStore store;

	private final long runId;

	FindingWriter(FindingStore store, long runId) {
		this.store = store;
		this.runId = runId;
	}

	@Override
	public void write(Chunk<? extends List<StoredFinding>> chunk) {
		this.store.insert(this.runId, chunk.getItems().stream().flatMap(List::stream).toList());
	}

}
