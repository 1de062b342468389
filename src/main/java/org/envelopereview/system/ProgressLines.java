package org.envelopereview.system;

import java.time.Duration;
import java.util.Optional;

/**
 * Progress as plain lines, for a log or CI where a bar's carriage-return frames would
 * pile up by the hundred: a line each time the work advances by {@link #STEP_PERCENT}
 * points, or, while the total is unknown, every {@link #UNKNOWN_TOTAL_INTERVAL}; and a
 * last line when the work ends.
 */
public final class ProgressLines {

	static final int STEP_PERCENT = 5;

	static final Duration UNKNOWN_TOTAL_INTERVAL = Duration.ofSeconds(30);

	private final String task;

	private final String unit;

	private final long unitSize;

	private int lastPercent = -1;

	private Duration lastLineAt;

	private boolean ended;

	/**
	 * @param unit the unit shown after the counts, with its leading space (" actions")
	 * @param unitSize how many counted items make one unit (1,048,576 bytes make a MiB)
	 */
	public ProgressLines(String task, String unit, long unitSize) {
		this.task = task;
		this.unit = unit;
		this.unitSize = unitSize;
	}

	/**
	 * The line due at this point of the work, if any.
	 * @param max the total, or a value below 1 while it is unknown
	 * @param ended whether the work has ended (its last line is always due)
	 */
	public synchronized Optional<String> next(long current, long max, Duration elapsed, boolean ended) {
		int percent = (max > 0) ? (int) Math.min(100, current * 100 / max) : -1;
		boolean due;
		if (ended) {
			due = !this.ended;
			this.ended = true;
		}
		else if (percent >= 0) {
			due = this.lastPercent < 0 || percent >= this.lastPercent + STEP_PERCENT;
		}
		else {
			due = this.lastLineAt == null || elapsed.minus(this.lastLineAt).compareTo(UNKNOWN_TOTAL_INTERVAL) >= 0;
		}
		if (!due) {
			return Optional.empty();
		}
		if (percent >= 0) {
			this.lastPercent = percent - percent % STEP_PERCENT;
		}
		this.lastLineAt = elapsed;
		return Optional.of(line(current, max, percent, elapsed, ended));
	}

	private String line(long current, long max, int percent, Duration elapsed, boolean ended) {
		StringBuilder line = new StringBuilder(this.task).append(": ");
		if (percent >= 0) {
			line.append(percent).append("% (").append(units(current)).append(" of ").append(units(max));
		}
		else {
			line.append('(').append(units(current));
		}
		line.append(this.unit).append(") after ").append(elapsed.toSeconds()).append(" s");
		return ended ? line.append(", done").toString() : line.toString();
	}

	private long units(long count) {
		return count / this.unitSize;
	}

}
