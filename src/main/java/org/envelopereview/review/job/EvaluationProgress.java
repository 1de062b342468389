package org.envelopereview.review.job;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import me.tongfei.progressbar.ProgressBar;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jdbi.v3.core.Jdbi;

import org.envelopereview.period.Period;
import org.envelopereview.system.ProgressBars;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Shows the evaluate step's progress on stderr, counted in actions read: one bar per run,
 * opened and closed by the partitioned step and advanced by every partition's reads.
 *
 * <p>
 * The bar learns its total from a count that runs beside the workers: counting ten
 * million actions first would hold the whole step back by seconds.
 */
@Component
class EvaluationProgress implements StepExecutionListener {

	private static final Log logger = LogFactory.getLog(EvaluationProgress.class);

	private final Jdbi jdbi;

	private final ReviewedRun run;

	private final Executor counting;

	/** By job execution: two periods may be reviewed at once by one scheduler. */
	private final Map<Long, ProgressBar> bars = new ConcurrentHashMap<>();

	@Autowired
	EvaluationProgress(Jdbi jdbi, ReviewedRun run) {
		this(jdbi, run, countingThreads());
	}

	EvaluationProgress(Jdbi jdbi, ReviewedRun run, Executor counting) {
		this.jdbi = jdbi;
		this.run = run;
		this.counting = counting;
	}

	/** Daemon threads: a count still running never keeps the command from exiting. */
	private static Executor countingThreads() {
		SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("evaluate-count-");
		threads.setDaemon(true);
		return threads;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		Period period = this.run.inputs().period();
		open(stepExecution.getJobExecutionId(), period);
	}

	/** Opens the run's bar without a total, and counts the period's actions for it. */
	ProgressBar open(long jobExecutionId, Period period) {
		ProgressBar bar = ProgressBars.builder("Evaluating " + period.label(), " actions", 1)
			.setInitialMax(-1)
			.showSpeed()
			.build();
		this.bars.put(jobExecutionId, bar);
		this.counting.execute(() -> {
			try {
				bar.maxHint(count(period));
			}
			catch (RuntimeException ex) {
				// the bar goes on without a total; the step reports any real failure
				logger.debug("Could not count the actions of " + period.label() + ": " + ex.getMessage());
			}
		});
		return bar;
	}

	private long count(Period period) {
		return this.jdbi.withExtension(PeriodActionsDao.class,
				(dao) -> dao.countPeriodActions(period.start(), period.end()));
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		ProgressBar bar = this.bars.remove(stepExecution.getJobExecutionId());
		if (bar != null) {
			bar.close();
		}
		return stepExecution.getExitStatus();
	}

	/**
	 * The listener of the manager's step when the ranges run on worker processes: moves
	 * the run's bar to the actions the ranges have committed, read from the job
	 * repository every {@code interval}.
	 */
	StepExecutionListener followingWorkers(Duration interval) {
		return new StepExecutionListener() {

			private final Map<Long, Thread> followers = new ConcurrentHashMap<>();

			@Override
			public void beforeStep(StepExecution stepExecution) {
				long id = stepExecution.getJobExecutionId();
				ProgressBar bar = EvaluationProgress.this.bars.get(id);
				if (bar == null) {
					return;
				}
				Thread follower = new Thread(() -> {
					try {
						while (!Thread.currentThread().isInterrupted()) {
							bar.stepTo(EvaluationProgress.this.jdbi.withExtension(PeriodActionsDao.class,
									(dao) -> dao.partitionsRead(id)));
							Thread.sleep(interval.toMillis());
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					catch (RuntimeException ex) {
						logger.debug("Stopped following the workers' progress: " + ex.getMessage());
					}
				}, "evaluate-follow-" + id);
				follower.setDaemon(true);
				follower.start();
				this.followers.put(id, follower);
			}

			@Override
			public ExitStatus afterStep(StepExecution stepExecution) {
				Thread follower = this.followers.remove(stepExecution.getJobExecutionId());
				if (follower != null) {
					follower.interrupt();
				}
				return stepExecution.getExitStatus();
			}

		};
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
