package org.envelopereview.review;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jdbi.v3.core.Jdbi;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Shows the evaluate step's progress on stderr, counted in actions read: one bar per run,
 * opened and closed by the partitioned step and advanced by every partition's reads.
 */
@Component
class EvaluationProgress implements StepExecutionListener {

	private final Jdbi jdbi;

	private final RunEnvelopes envelopes;

	/** By job execution: two periods may be reviewed at once by one scheduler. */
	private final Map<Long, ProgressBar> bars = new ConcurrentHashMap<>();

	EvaluationProgress(Jdbi jdbi, RunEnvelopes envelopes) {
		this.jdbi = jdbi;
		this.envelopes = envelopes;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		Period period = this.envelopes.inputs(stepExecution.getJobParameters().getLong("runId")).period();
		long total = this.jdbi.withHandle(
				(handle) -> handle.createQuery(SqlFiles.sql(ReviewJobConfiguration.class, "count-period-actions"))
					.bind("start", SqlFiles.utc(period.start()))
					.bind("end", SqlFiles.utc(period.end()))
					.mapTo(Long.class)
					.one());
		this.bars.put(stepExecution.getJobExecutionId(),
				new ProgressBarBuilder().setTaskName("Evaluating " + period.label())
					.setInitialMax(total)
					.setStyle(ProgressBarStyle.ASCII)
					.setUnit(" actions", 1)
					.showSpeed()
					.build());
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		ProgressBar bar = this.bars.remove(stepExecution.getJobExecutionId());
		if (bar != null) {
			bar.close();
		}
		return stepExecution.getExitStatus();
	}

	/** The listener of one range's reads: it advances its run's bar. */
	ItemReadListener<ReviewedAction> counter(long jobExecutionId) {
		ProgressBar bar = this.bars.get(jobExecutionId);
		return new ItemReadListener<>() {
			@Override
			public void afterRead(ReviewedAction item) {
				if (bar != null) {
					bar.step();
				}
			}
		};
	}

}
