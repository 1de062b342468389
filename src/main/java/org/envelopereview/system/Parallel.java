package org.envelopereview.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a step's independent parts at once: the first on the calling thread, each other
 * one on a daemon thread of its own; what failed a part is rethrown as it threw it.
 */
public final class Parallel {

	private Parallel() {
	}

	/**
	 * Runs the tasks at once and returns when all have ended; rethrows the first failure
	 * in the tasks' order.
	 * @param name the threads' name
	 * @param what what the tasks do, for the message when the caller is interrupted
	 */
	public static void runAll(String name, String what, List<Runnable> tasks) {
		if (tasks.size() == 1) {
			tasks.get(0).run();
			return;
		}
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size() - 1, (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<?>> others = new ArrayList<>();
			for (Runnable task : tasks.subList(1, tasks.size())) {
				others.add(pool.submit(task));
			}
			RuntimeException failure = null;
			try {
				tasks.get(0).run();
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
			for (Future<?> other : others) {
				try {
					await(other, what);
				}
				catch (RuntimeException ex) {
					failure = (failure != null) ? failure : ex;
				}
			}
			if (failure != null) {
				throw failure;
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Waits for the task and rethrows what failed it, as it threw it. */
	public static void await(Future<?> task, String what) {
		try {
			task.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while " + what, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

}
