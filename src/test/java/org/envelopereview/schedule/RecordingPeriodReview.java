package org.envelopereview.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.envelopereview.period.Period;
import org.envelopereview.review.RunStatus;

/**
 * A stand-in for the review job that records every review it is asked for, on which node,
 * and marks the period completed in {@code review_run} as the real job does. A holding
 * review blocks until it is asked to stop, like a long job.
 */
final class RecordingPeriodReview implements PeriodReview {

	record Call(String node, String period, boolean recovering, Instant at) {
	}

	private static final String COMPLETED_RUN = """
			INSERT INTO review_run (period, period_start, period_end, run_number, status, started_at, finished_at)
			VALUES (?, ?, ?, (SELECT coalesce(max(run_number), 0) + 1 FROM review_run WHERE period = ?),
			        'COMPLETED', ?, ?)
			""";

	private final String node;

	private final Queue<Call> calls;

	private final boolean hold;

	private final CountDownLatch holding = new CountDownLatch(1);

	private final CountDownLatch stopRequested = new CountDownLatch(1);

	private volatile DataSource dataSource;

	private RecordingPeriodReview(String node, Queue<Call> calls, boolean hold) {
		this.node = node;
		this.calls = calls;
		this.hold = hold;
	}

	/** Reviews complete at once. */
	static RecordingPeriodReview completing(String node, Queue<Call> calls) {
		return new RecordingPeriodReview(node, calls, false);
	}

	/** Reviews run until they are stopped. */
	static RecordingPeriodReview holding(String node, Queue<Call> calls) {
		return new RecordingPeriodReview(node, calls, true);
	}

	static Queue<Call> calls() {
		return new ConcurrentLinkedQueue<>();
	}

	void useDatabase(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public ReviewReport review(Period period, boolean recovering) {
		this.calls.add(new Call(this.node, period.label(), recovering, Instant.now()));
		if (this.hold) {
			this.holding.countDown();
			awaitUninterruptibly(this.stopRequested);
			return new ReviewReport(RunStatus.STOPPED, "stopped on request");
		}
		recordCompletedRun(period);
		return new ReviewReport(RunStatus.COMPLETED, "recorded by the test");
	}

	@Override
	public void stop(Period period) {
		this.stopRequested.countDown();
	}

	boolean awaitHolding() throws InterruptedException {
		return this.holding.await(60, TimeUnit.SECONDS);
	}

	boolean stopWasRequested() {
		return this.stopRequested.getCount() == 0;
	}

	static List<Call> of(Queue<Call> calls, String period) {
		return calls.stream().filter((call) -> call.period().equals(period)).toList();
	}

	private void recordCompletedRun(Period period) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement(COMPLETED_RUN)) {
			insert.setString(1, period.label());
			insert.setObject(2, period.start().atOffset(ZoneOffset.UTC));
			insert.setObject(3, period.end().atOffset(ZoneOffset.UTC));
			insert.setString(4, period.label());
			insert.setObject(5, now);
			insert.setObject(6, now);
			insert.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		boolean interrupted = false;
		while (latch.getCount() > 0) {
			try {
				latch.await();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
