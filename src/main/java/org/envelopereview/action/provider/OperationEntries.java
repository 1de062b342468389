package org.envelopereview.action.provider;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of long-running operations, held until the operation is complete: a
 * provider logs its begin (with the request) and its end (with the status) as separate
 * entries, in either order, and both are one change. Held operations are bounded: past
 * the limit the oldest is handed over as it stands, as are those still open when the
 * input ends.
 *
 * @param <E> an entry as the provider's reader sees it
 */
public final class OperationEntries<E> {

	/** Where in its operation an entry stands. */
	public enum Phase {

		/** The request: the first entry. */
		BEGIN,
		/** Neither first nor last (Azure's {@code Accepted}). */
		PROGRESS,
		/** The outcome: the last entry. */
		END,
		/** Both at once: an operation logged once. */
		WHOLE

	}

	/** An entry with where it was read. */
	public record Part<E>(E entry, long line, String raw) {

	}

	/**
	 * An operation as far as its entries were read: its begin, its end, and how many
	 * entries in between.
	 */
	public static final class Operation<E> {

		private Part<E> begin;

		private Part<E> end;

		private final List<Part<E>> progress = new ArrayList<>();

		public Part<E> begin() {
			return this.begin;
		}

		public Part<E> end() {
			return this.end;
		}

		/** Entries neither first nor last, and repeated ones. */
		public List<Part<E>> progress() {
			return this.progress;
		}

		/**
		 * The entry that carries the change's request: the begin, else the end, else the
		 * first entry in between.
		 */
		public Part<E> first() {
			if (this.begin != null) {
				return this.begin;
			}
			return (this.end != null) ? this.end : this.progress.get(0);
		}

		/** The entry that carries the outcome: the end, else the first. */
		public Part<E> last() {
			return (this.end != null) ? this.end : first();
		}

		/** Every entry but {@link #first()}, each once. */
		public List<Part<E>> others() {
			List<Part<E>> others = new ArrayList<>();
			Part<E> first = first();
			if (this.begin != null && this.begin != first) {
				others.add(this.begin);
			}
			this.progress.stream().filter((part) -> part != first).forEach(others::add);
			if (this.end != null && this.end != first && this.end != this.begin) {
				others.add(this.end);
			}
			return others;
		}

		boolean complete() {
			return this.begin != null && this.end != null;
		}

	}

	private final Map<String, Operation<E>> open = new LinkedHashMap<>();

	private final int limit;

	public OperationEntries(int limit) {
		this.limit = limit;
	}

	/**
	 * Adds an entry of the operation {@code key}; returns the operations now ready: this
	 * one once it has both ends, and the oldest open one when too many are held.
	 */
	public List<Operation<E>> add(String key, Phase phase, Part<E> part) {
		List<Operation<E>> ready = new ArrayList<>();
		Operation<E> operation = this.open.computeIfAbsent(key, (k) -> new Operation<>());
		switch (phase) {
			case BEGIN -> place(operation, part, true);
			case END -> place(operation, part, false);
			case WHOLE -> {
				if (operation.begin == null && operation.end == null) {
					operation.begin = part;
					operation.end = part;
				}
				else {
					place(operation, part, operation.begin == null);
				}
			}
			case PROGRESS -> operation.progress.add(part);
		}
		if (operation.complete()) {
			ready.add(this.open.remove(key));
		}
		if (this.open.size() > this.limit) {
			Iterator<Operation<E>> oldest = this.open.values().iterator();
			ready.add(oldest.next());
			oldest.remove();
		}
		return ready;
	}

	/** Every operation still open, oldest first; none is held afterwards. */
	public List<Operation<E>> drain() {
		List<Operation<E>> rest = new ArrayList<>(this.open.values());
		this.open.clear();
		return rest;
	}

	private static <E> void place(Operation<E> operation, Part<E> part, boolean begin) {
		if (begin && operation.begin == null) {
			operation.begin = part;
		}
		else if (!begin && operation.end == null) {
			operation.end = part;
		}
		else {
			operation.progress.add(part);
		}
	}

}
