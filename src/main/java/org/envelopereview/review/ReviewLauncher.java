package org.envelopereview.review;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jdbi.v3.core.Jdbi;

import org.envelopereview.envelope.Board;
import org.envelopereview.envelope.BoardDirectory;
import org.envelopereview.period.Period;
import org.envelopereview.review.job.SnapshotEnvelopesTasklet;
import org.envelopereview.review.output.BoardReview;
import org.envelopereview.review.output.BoardReviewAssembler;
import org.envelopereview.review.output.OutputContextKeys;
import org.envelopereview.review.output.ReviewOutputs;
import org.envelopereview.review.run.ReviewLock;
import org.envelopereview.review.run.ReviewRuns;
import org.envelopereview.review.run.RunEnvelopes;
import org.envelopereview.system.RowLock;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;

/**
 * Runs the review of a period: starts a new numbered run, or restarts the period's latest
 * run when it failed or was stopped (it then resumes where it stopped). The command line
 * and the scheduler both launch through here. One process at a time reviews a period
 * ({@link ReviewLock}); a run left running by a process that died is recovered at once.
 */
@Component
public class ReviewLauncher {

	private static final Log logger = LogFactory.getLog(ReviewLauncher.class);

	private static final String RECOVERED = "left running or unknown by a process that stopped; marked failed to restart";

	private static final int RECOVERY_ATTEMPTS = 3;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job envelopeReviewJob;

	private final ReviewRuns runs;

	private final RunEnvelopes envelopes;

	private final BoardReviewAssembler assembler;

	private final ReviewOutputs outputs;

	private final Jdbi jdbi;

	private final DataSource dataSource;

	private final Clock clock;

	ReviewLauncher(JobOperator jobOperator, JobRepository jobRepository, Job envelopeReviewJob, ReviewRuns runs,
			RunEnvelopes envelopes, BoardReviewAssembler assembler, ReviewOutputs outputs, Jdbi jdbi,
			DataSource dataSource) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.envelopeReviewJob = envelopeReviewJob;
		this.runs = runs;
		this.envelopes = envelopes;
		this.assembler = assembler;
		this.outputs = outputs;
		this.jdbi = jdbi;
		this.dataSource = dataSource;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Reviews the period, synchronously.
	 * @param board the only board to review, or {@code null} for every board
	 * @param strict fail the run before writing anything if an envelope file is invalid
	 * @throws IllegalStateException when another process is reviewing the period
	 */
	public ReviewOutcome run(Period period, String board, boolean strict) {
		try (RowLock lock = ReviewLock.acquire(this.jdbi, this.dataSource, period.label())) {
			return runLocked(period, board, strict);
		}
	}

	private ReviewOutcome runLocked(Period period, String board, boolean strict) {
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
				execution = restart(run, strict);
			}
			else {
				run = this.runs.create(period, board, started);
				execution = this.jobOperator.start(this.envelopeReviewJob, parameters(run, strict));
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

	private JobExecution restart(ReviewRuns.RunRow run, boolean strict) throws Exception {
		// we hold the period's lock: an execution of this run still marked running was
		// left by a process that died, whatever the run row recorded before it died
		for (JobExecution stale : this.jobRepository.findRunningJobExecutions(this.envelopeReviewJob.getName())) {
			if (Objects.equals(stale.getJobParameters().getLong("runId"), run.id())) {
				logger.warn("Recovering review run " + run.runNumber() + " of " + run.period().label()
						+ " left running by a process that stopped");
				return this.jobOperator.restart(recover(stale));
			}
		}
		JobExecution previous;
		if (run.jobExecutionId() != null) {
			previous = this.jobRepository.getJobExecution(run.jobExecutionId());
		}
		else {
			// the process died before it recorded the execution: find it by the run's
			// parameters, or start the job if it never started
			previous = this.jobRepository.getLastJobExecution(this.envelopeReviewJob.getName(),
					parameters(run, strict));
			if (previous == null) {
				return this.jobOperator.start(this.envelopeReviewJob, parameters(run, strict));
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
		if (previous.getStatus().isRunning() || previous.getStatus() == BatchStatus.UNKNOWN) {
			logger.warn("Recovering review run " + run.runNumber() + " of " + run.period().label() + " left "
					+ previous.getStatus() + " since " + previous.getLastUpdated() + " by a process that stopped");
		}
		return this.jobOperator.restart(recover(previous));
	}

	/**
	 * {@link #markFailed} until it holds. The stored execution can move on after we read
	 * it although its process is dead: seen once on an H2 file after a SIGKILL, a step
	 * whose stored version was one past the version just read. We then read it again.
	 */
	private JobExecution recover(JobExecution execution) {
		JobExecution current = execution;
		for (int attempt = 1;; attempt++) {
			try {
				return markFailed(current);
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt == RECOVERY_ATTEMPTS) {
					throw ex;
				}
				logger.warn("Job execution " + execution.getId() + " changed while being marked failed ("
						+ ex.getMessage() + "); reading it again");
				current = this.jobRepository.getJobExecution(execution.getId());
			}
		}
	}

	/**
	 * Marks failed what the execution left running or UNKNOWN: we hold the period's lock,
	 * so the process that left it so has died or given up. A database cut can fail the
	 * job yet leave its step STARTED or UNKNOWN (the step could not record its end), and
	 * Spring Batch refuses to restart either; JobOperator.recover leaves UNKNOWN as it is
	 * and does nothing for an execution that carries its "recovered" mark. Every step
	 * resumes from the state its last committed chunk saved, so this is safe.
	 */
	private JobExecution markFailed(JobExecution execution) {
		LocalDateTime now = LocalDateTime.now();
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN) {
				step.setStatus(BatchStatus.FAILED);
				step.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), RECOVERED));
				if (step.getEndTime() == null) {
					step.setEndTime(now);
				}
				this.jobRepository.update(step);
			}
		}
		if (execution.getStatus().isRunning() || execution.getStatus() == BatchStatus.UNKNOWN) {
			execution.setStatus(BatchStatus.FAILED);
			execution.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), RECOVERED));
			if (execution.getEndTime() == null) {
				execution.setEndTime(now);
			}
			this.jobRepository.update(execution);
		}
		return execution;
	}

	private static JobParameters parameters(ReviewRuns.RunRow run, boolean strict) {
		JobParametersBuilder builder = new JobParametersBuilder().addLong("runId", run.id())
			.addString("period", run.period().label())
			.addString("periodStart", run.period().start().toString())
			.addString("periodEnd", run.period().end().toString())
			.addString("strict", Boolean.toString(strict), false);
		if (run.boardFilter() != null) {
			builder.addString("board", run.boardFilter());
		}
		return builder.toJobParameters();
	}

	private ReviewOutcome outcome(ReviewRuns.RunRow run, JobExecution execution, boolean restarted, List<String> notes,
			Duration elapsed) {
		BatchStatus status = execution.getStatus();
		Instant finished = this.clock.instant();
		String outputDir = this.outputs.periodDir(run.period()).toString();
		RunStatus recorded = RunStatus.of(status);
		if (status == BatchStatus.FAILED && rejectedByStrict(execution)) {
			// a refusal, not an interruption: the next call starts a new run instead of
			// retrying this one
			recorded = RunStatus.REJECTED;
			abandon(execution);
			this.envelopes.forget(run.id());
		}
		this.runs.updateStatus(run.id(), recorded.name(), execution.getId(), finished, outputDir);
		notes.addAll(OutputContextKeys.archived(execution.getExecutionContext()));
		List<BoardReview> boards = List.of();
		List<Path> packs = List.of();
		String failure = null;
		if (status == BatchStatus.COMPLETED) {
			boards = this.assembler.take(this.envelopes.inputs(run.id()));
			this.envelopes.forget(run.id());
			packs = OutputContextKeys.packs(execution.getExecutionContext());
		}
		else {
			this.assembler.forget(run.id());
			failure = failure(execution);
		}
		SortedMap<String, Integer> counts = new TreeMap<>();
		SortedMap<String, Path> dirs = new TreeMap<>();
		for (BoardReview board : boards) {
			counts.put(board.board().id(), board.findings().size());
			dirs.put(board.board().id(), board.outputDir());
		}
		return new ReviewOutcome(run.id(), run.runNumber(), run.period(), recorded, restarted, counts, dirs, boards,
				packs, notes, failure, elapsed);
	}

	private static boolean rejectedByStrict(JobExecution execution) {
		for (Throwable failure : execution.getAllFailureExceptions()) {
			for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause()
					: null) {
				if (cause instanceof SnapshotEnvelopesTasklet.InvalidEnvelopesException) {
					return true;
				}
			}
		}
		return false;
	}

	private void abandon(JobExecution execution) {
		try {
			this.jobOperator.abandon(execution);
		}
		catch (Exception ex) {
			logger.warn("Could not mark job execution " + execution.getId() + " abandoned: " + ex.getMessage());
		}
	}

	private static String failure(JobExecution execution) {
		List<Throwable> failures = execution.getAllFailureExceptions();
		if (failures.isEmpty()) {
			return "the job ended " + execution.getStatus() + " (" + execution.getExitStatus().getExitDescription()
					+ ")";
		}
		Throwable cause = failures.get(0);
		// our own messages name the board, file or setting; a bare JDK one only the path
		while (!(cause instanceof UncheckedIOException) && cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String lost = failures.stream()
			.map((failure) -> lostConnection(failure, 0))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		String step = execution.getStepExecutions()
			.stream()
			.filter((stepExecution) -> stepExecution.getStatus() == BatchStatus.FAILED)
			.map((stepExecution) -> stepExecution.getStepName())
			.findFirst()
			.orElse("the job");
		if (lost != null) {
			return step + " failed: lost the connection to the database (" + lost
					+ "); once the database answers again, run the same command to restart the run";
		}
		return step + " failed: " + ((cause.getMessage() != null) ? cause.getMessage() : cause.toString());
	}

	/**
	 * The message of a lost connection anywhere in the failure: SQLSTATE class 08
	 * (connection) or 57 (the server ended the session), or what Spring translated from
	 * them; {@code null} if there is none.
	 */
	private static String lostConnection(Throwable failure, int depth) {
		if (failure == null || depth > 20) {
			return null;
		}
		if (failure instanceof SQLException sql && sql.getSQLState() != null
				&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57"))) {
			// a failed batch repeats its SQL in the message: the next exception says why
			SQLException reason = (sql.getNextException() != null) ? sql.getNextException() : sql;
			return String.valueOf(reason.getMessage()).lines().findFirst().orElse("");
		}
		if (failure instanceof DataAccessResourceFailureException resource) {
			return resource.getMostSpecificCause().getMessage();
		}
		if (failure instanceof TransactionSystemException transaction) {
			String original = lostConnection(transaction.getApplicationException(), depth + 1);
			if (original != null) {
				return original;
			}
		}
		for (Throwable suppressed : failure.getSuppressed()) {
			String message = lostConnection(suppressed, depth + 1);
			if (message != null) {
				return message;
			}
		}
		return (failure.getCause() != failure) ? lostConnection(failure.getCause(), depth + 1) : null;
	}

}
