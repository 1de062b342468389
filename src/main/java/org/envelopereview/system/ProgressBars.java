package org.envelopereview.system;

import java.io.PrintStream;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The product's progress on stderr: a bar on a terminal; plain lines every few percent
 * when stderr goes to a log or CI ({@link ProgressLines}).
 */
public final class ProgressBars {

	private ProgressBars() {
	}

	/** A bar counting items, shown in {@code unit}s of {@code unitSize} items. */
	public static ProgressBarBuilder builder(String task, String unit, long unitSize) {
		return builder(task, unit, unitSize, System.console() != null, System.err);
	}

	static ProgressBarBuilder builder(String task, String unit, long unitSize, boolean terminal, PrintStream out) {
		ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setUnit(unit, unitSize);
		if (terminal) {
			return builder.setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(out));
		}
		ProgressLines lines = new ProgressLines(task, unit, unitSize);
		return builder
			.setRenderer(
					(state, maxLength) -> lines
						.next(state.getCurrent(), state.isIndefinite() ? -1 : state.getMax(), state.getTotalElapsed(),
								!state.isAlive())
						.orElse(""))
			.setConsumer(new LineConsumer(out));
	}

	/** Prints each non-empty rendering as a line of its own. */
	private record LineConsumer(PrintStream out) implements ProgressBarConsumer {

		@Override
		public int getMaxRenderedLength() {
			return Integer.MAX_VALUE;
		}

		@Override
		public void accept(String rendered) {
			if (!rendered.isEmpty()) {
				this.out.println(rendered);
			}
		}

		@Override
		public void close() {
			this.out.flush();
		}

	}

}
