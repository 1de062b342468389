package org.envelopereview.review;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** Shows the evaluate step's progress on stderr, counted in actions read. */
class EvaluationProgress implements StepExecutionListener, ItemReadListener<ReviewedAction> {

	private final String label;

	private final long total;

	private ProgressBar bar;

	EvaluationProgress(String label, long total) {
		this.label = label;
		this.total = total;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.bar = new ProgressBarBuilder().setTaskName("Evaluating " + this.label)
			.setInitialMax(this.total)
			.setStyle(ProgressBarStyle.ASCII)
			.setUnit(" actions", 1)
			.showSpeed()
			.build();
	}

	@Override
	public void afterRead(ReviewedAction item) {
		if (this.bar != null) {
			this.bar.step();
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (this.bar != null) {
			this.bar.close();
			this.bar = null;
		}
		return stepExecution.getExitStatus();
	}

}
