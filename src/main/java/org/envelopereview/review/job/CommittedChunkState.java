package org.envelopereview.review.job;

import java.util.HashSet;

import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the evaluate step's saved state in line with what its chunks committed. Spring
 * Batch 6's chunk-oriented step copies the reader's position into the step's execution
 * context inside the chunk's transaction, before that transaction has committed; when the
 * step then fails to record the chunk or to commit (a connection cut at that moment), the
 * findings roll back but the step still saves the advanced position as it fails, and the
 * restart skips the chunk. On anything but a commit this puts back the state of the last
 * committed chunk: position, counts and version.
 *
 * <p>
 * Upstream: spring-batch#5182 and #5199, fixed in 6.0.2, stopped the context being
 * updated when a chunk fails. In 6.0.4 AbstractStep still saves the position copied
 * before the commit when the commit or the repository update fails; no issue is filed for
 * 6.0.x (related: #1145, open, "StepExecutionContext gets updated on transaction
 * rollback"; #1189). Delete this listener when a restart after a failed commit re-reads
 * the chunk without it.
 */
class CommittedChunkState implements StepExecutionListener, ItemReadListener<ReviewedAction> {

	private StepExecution stepExecution;

	private boolean watching;

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
	}

	/** The first read of a chunk happens in its transaction, before anything moved on. */
	@Override
	public void beforeRead() {
		if (this.watching || this.stepExecution == null
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		Snapshot committed = Snapshot.of(this.stepExecution);
		this.watching = true;
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				CommittedChunkState.this.watching = false;
				if (status != STATUS_COMMITTED) {
					committed.restore(CommittedChunkState.this.stepExecution);
				}
			}

		});
	}

	private record Snapshot(ExecutionContext context, long readCount, long writeCount, long filterCount,
			long commitCount, long readSkipCount, long processSkipCount, long writeSkipCount, Integer version) {

		static Snapshot of(StepExecution step) {
			return new Snapshot(new ExecutionContext(step.getExecutionContext()), step.getReadCount(),
					step.getWriteCount(), step.getFilterCount(), step.getCommitCount(), step.getReadSkipCount(),
					step.getProcessSkipCount(), step.getWriteSkipCount(), step.getVersion());
		}

		void restore(StepExecution step) {
			ExecutionContext current = step.getExecutionContext();
			for (String key : new HashSet<>(current.toMap().keySet())) {
				if (!this.context.containsKey(key)) {
					current.remove(key);
				}
			}
			this.context.toMap().forEach(current::put);
			step.setReadCount(this.readCount);
			step.setWriteCount(this.writeCount);
			step.setFilterCount(this.filterCount);
			step.setCommitCount(this.commitCount);
			step.setReadSkipCount(this.readSkipCount);
			step.setProcessSkipCount(this.processSkipCount);
			step.setWriteSkipCount(this.writeSkipCount);
			step.setVersion(this.version);
		}

	}

}
