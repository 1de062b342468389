package org.envelopereview.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jdbi.v3.core.Jdbi;

import org.envelopereview.envelope.Board;
import org.envelopereview.envelope.BoardDirectory;
import org.envelopereview.period.Period;
import org.envelopereview.review.output.BoardFindings;
import org.envelopereview.review.output.BoardReviewAssembler;
import org.envelopereview.review.output.ReviewOutputs;
import org.envelopereview.review.run.ChainVerificationRequest;
import org.envelopereview.review.run.ReviewLock;
import org.envelopereview.review.run.ReviewRuns;
import org.envelopereview.review.run.RunEnvelopes;
import org.envelopereview.review.run.StaleExecutionRecovery;
import org.envelopereview.system.RowLock;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs the review of a period: starts a new numbered run, or restarts the period's latest
 * run when it failed or was stopped (it then resumes where it stopped). The command line
 * and the scheduler both launch through here. One process at a time reviews a period
 * ({@link ReviewLock}); a run left running by a process that died is recovered at once
 * ({@link StaleExecutionRecovery}).
 */
@Component
public class ReviewLauncher {

	private static final Log logger = LogFactory.getLog(ReviewLauncher.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job envelopeReviewJob;

	private final StaleExecutionRecovery recovery;

	private final ReviewRuns runs;

	private final RunEnvelopes envelopes;

	private final BoardReviewAssembler assembler;

	private final ReviewOutputs outputs;

	private final Jdbi jdbi;

	private final DataSource dataSource;

	private final EvaluationWorkers workers;

	private final Clock clock;

	ReviewLauncher(JobOperator jobOperator, JobRepository jobRepository, Job envelopeReviewJob, ReviewRuns runs,
			RunEnvelopes envelopes, BoardReviewAssembler assembler, ReviewOutputs outputs, Jdbi jdbi,
			DataSource dataSource, EvaluationWorkers workers) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.envelopeReviewJob = envelopeReviewJob;
		this.recovery = new StaleExecutionRecovery(jobRepository);
		this.runs = runs;
		this.envelopes = envelopes;
		this.assembler = assembler;
		this.outputs = outputs;
		this.jdbi = jdbi;
		this.dataSource = dataSource;
		this.workers = workers;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Reviews the period, synchronously.
	 * @param board the only board to review, or {@code null} for every board
	 * @param strict fail the run before writing anything if an envelope file is invalid
	 * @throws IllegalStateException when another process is reviewing the period, or the
	 * workers are remote on a database they cannot share
	 */
	public ReviewOutcome run(Period period, String board, boolean strict) {
		return run(period, board, strict, ChainVerificationRequest.AUTO);
	}

	/**
	 * Reviews the period, synchronously.
	 * @param board the only board to review, or {@code null} for every board
	 * @param strict fail the run before writing anything if an envelope file is invalid
	 * @param chains {@code FULL} to verify every hash chain from seq 1 whatever the
	 * checkpoints (a restarted run keeps what it was started with)
	 * @throws IllegalStateException when another process is reviewing the period, or the
	 * workers are remote on a database they cannot share
	 */
	public ReviewOutcome run(Period period, String board, boolean strict, ChainVerificationRequest chains) {
		this.workers.requireSupported();
		try (RowLock lock = ReviewLock.acquire(this.jdbi, this.dataSource, period.label())) {
			return runLocked(period, board, strict, chains);
		}
	}

	private ReviewOutcome runLocked(Period period, String board, boolean strict, ChainVerificationRequest chains) {
		Instant started = this.clock.instant();
		List<String> notes = new ArrayList<>();
		Optional<ReviewRuns.RunRow> latest = this.runs.latest(period.label());
		JobExecution execution;
		ReviewRuns.RunRow run;
		boolean restarted = latest.filter((row) -> RunStatus.valueOf(row.status()).restartable()).isPresent();
		if (!restarted && board != null) {
			requireBoard(board);
		}
		try {
			if (restarted) {
				run = latest.get();
				if (!Objects.equals(run.boardFilter(), board)) {
					notes.add("restarted run " + run.runNumber() + " keeps its original board selection ("
							+ ((run.boardFilter() != null) ? run.boardFilter() : "all boards") + ")");
				}
				execution = restart(run, strict, chains);
			}
			else {
				run = this.runs.create(period, board, started);
				execution = this.jobOperator.start(this.envelopeReviewJob, parameters(run, strict, chains));
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not launch the review of " + period.label() + ": " + ex.getMessage(),
					ex);
		}
		return outcome(run, execution, restarted, notes, Duration.between(started, this.clock.instant()));
	}

	/**
	 * A new run for a board that does not exist would review nothing and never succeed.
	 */
	private void requireBoard(String board) {
		BoardDirectory directory = this.envelopes.read().directory();
		if (directory.board(board).isEmpty()) {
			throw new IllegalArgumentException("board '" + board + "' is not defined in boards.yaml (boards: "
					+ directory.boards().stream().map(Board::id).collect(Collectors.joining(", ")) + ")");
		}
	}

	private JobExecution restart(ReviewRuns.RunRow run, boolean strict, ChainVerificationRequest chains)
			throws Exception {
		// we hold the period's lock: an execution of this run still marked running was
		// left by a process that died, whatever the run row recorded before it died
		Optional<JobExecution> stale = this.recovery.leftRunning(this.envelopeReviewJob.getName(), run.id());
		if (stale.isPresent()) {
			logger.warn("Recovering review run " + run.runNumber() + " of " + run.period().label()
					+ " left running by a process that stopped");
			return this.jobOperator.restart(this.recovery.recover(stale.get()));
		}
		JobExecution previous;
		if (run.jobExecutionId() != null) {
			previous = this.jobRepository.getJobExecution(run.jobExecutionId());
		}
		else {
			// the process died before it recorded the execution: find it by the run's
			// parameters, or start the job if it never started
			previous = this.jobRepository.getLastJobExecution(this.envelopeReviewJob.getName(),
					parameters(run, strict, chains));
			if (previous == null) {
				return this.jobOperator.start(this.envelopeReviewJob, parameters(run, strict, chains));
			}
		}
		if (previous == null) {
			throw new IllegalStateException("run " + run.runNumber() + " of " + run.period().label()
					+ " refers to job execution " + run.jobExecutionId() + ", which the job repository does not hold");
		}
		if (previous.getStatus() == BatchStatus.COMPLETED) {
			// the job finished but the process stopped before recording it: nothing to
			// redo
			return previous;
		}
		if (StaleExecutionRecovery.leftUnfinished(previous)) {
			logger.warn("Recovering review run " + run.runNumber() + " of " + run.period().label() + " left "
					+ previous.getStatus() + " since " + previous.getLastUpdated() + " by a process that stopped");
		}
		return this.jobOperator.restart(this.recovery.recover(previous));
	}

	private static JobParameters parameters(ReviewRuns.RunRow run, boolean strict, ChainVerificationRequest chains) {
		JobParametersBuilder builder = new JobParametersBuilder().addLong("runId", run.id())
			.addString("period", run.period().label())
			.addString("periodStart", run.period().start().toString())
			.addString("periodEnd", run.period().end().toString())
			.addString("strict", Boolean.toString(strict), false)
			.addString("verifyChains", chains.parameter(), false);
		if (run.boardFilter() != null) {
			builder.addString("board", run.boardFilter());
		}
		return builder.toJobParameters();
	}

	/**
	 * Records how the run ended and hands the boards' reviews of a completed run over.
	 */
	private ReviewOutcome outcome(ReviewRuns.RunRow run, JobExecution execution, boolean restarted, List<String> notes,
			Duration elapsed) {
		Instant finishedAt = this.clock.instant();
		FinishedExecution finished = new FinishedExecution(execution);
		String outputDir = this.outputs.periodDir(run.period()).toString();
		if (finished.status() == RunStatus.REJECTED) {
			// a refusal, not an interruption: the next call starts a new run instead of
			// retrying this one
			abandon(execution);
		}
		this.runs.updateStatus(run.id(), finished.status().name(), execution.getId(), finishedAt, outputDir);
		List<BoardFindings> boards = List.of();
		if (finished.completed()) {
			boards = this.assembler.findings(this.envelopes.inputs(run.id()));
		}
		return finished.outcome(run, restarted, boards, notes, elapsed);
	}

	private void abandon(JobExecution execution) {
		try {
			this.jobOperator.abandon(execution);
		}
		catch (Exception ex) {
			logger.warn("Could not mark job execution " + execution.getId() + " abandoned: " + ex.getMessage());
		}
	}

}
