package org.envelopereview.action.chain;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionDao;
import org.envelopereview.action.ActionHash;
import org.envelopereview.action.StoredAction;
import org.envelopereview.action.StoredActionMapper;

import org.springframework.stereotype.Component;

/**
 * Verifies every agent's chain in {@code agent_action}, agent by agent, each from its
 * checkpoint row or from seq 1, streaming the rows of one index range of (agent, seq) at
 * a time: each row's hash against its content, its prevHash against the previous row's
 * hash, and seq for gaps and repeats. Memory holds one row and the list of agents.
 */
@Component
public class JdbcAuditTrailVerifier implements AuditTrailVerifier {

	private static final int FETCH_SIZE = 1000;

	private static final ClasspathSqlLocator SQL = ClasspathSqlLocator.create();

	private final Jdbi jdbi;

	JdbcAuditTrailVerifier(Jdbi jdbi) {
		this.jdbi = jdbi;
	}

	@Override
	public ChainWalk verify(Map<String, ChainCheckpoint> from, Map<String, ChainCheckpoint> known,
			Consumer<ChainBreak> breaks) {
		// A transaction, so that PostgreSQL streams with a cursor instead of loading the
		// range.
		return this.jdbi.inTransaction((handle) -> {
			Walk walk = new Walk(handle, from, known, breaks);
			Set<String> seen = new HashSet<>();
			// the agents first (a short list), so that one cursor is open at a time
			for (String agent : handle.createQuery(SQL.locate(ActionDao.class, agentsQuery(handle)))
				.mapTo(String.class)
				.list()) {
				seen.add(agent);
				walk.agent(agent);
			}
			known.values()
				.stream()
				.filter((checkpoint) -> !seen.contains(checkpoint.agent()))
				.sorted((a, b) -> a.agent().compareTo(b.agent()))
				.forEach(walk::vanished);
			return walk.result();
		});
	}

	/** The SQL that lists the agents with an index skip scan on this database. */
	private static String agentsQuery(Handle handle) {
		try {
			return "PostgreSQL".equalsIgnoreCase(handle.getConnection().getMetaData().getDatabaseProductName())
					? "chainAgentsSkipScan" : "chainAgents";
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot tell which database holds the audit trail: " + ex.getMessage(), ex);
		}
	}

	/** The walk of every chain: what it read and which chains it found intact. */
	private static final class Walk {

		private final Handle handle;

		private final String rowsSql;

		private final Map<String, ChainCheckpoint> from;

		private final Map<String, ChainCheckpoint> known;

		private final Consumer<ChainBreak> breaks;

		private final List<ChainCheckpoint> intact = new ArrayList<>();

		private long rowsChecked;

		private long agents;

		private long agentsFromCheckpoint;

		private long rowsBeforeCheckpoints;

		private long breaksFound;

		Walk(Handle handle, Map<String, ChainCheckpoint> from, Map<String, ChainCheckpoint> known,
				Consumer<ChainBreak> breaks) {
			this.handle = handle;
			this.rowsSql = SQL.locate(ActionDao.class, "chainFrom");
			this.from = from;
			this.known = known;
			this.breaks = (chainBreak) -> {
				this.breaksFound++;
				breaks.accept(chainBreak);
			};
		}

		void agent(String agent) {
			this.agents++;
			long breaksBefore = this.breaksFound;
			ChainCheckpoint start = this.from.get(agent);
			ChainCheckpoint known = this.known.getOrDefault(agent, start);
			Action tip;
			if (start != null) {
				Segment segment = walk(agent, start, null);
				if (segment.checkpointMismatch()) {
					if (!withdrawn(start)) {
						this.breaks.accept(checkpointBreak(start, segment.tip()));
					}
					// what changed before the checkpoint: every row from seq 1
					tip = walk(agent, null, null).tip();
				}
				else {
					this.agentsFromCheckpoint++;
					this.rowsBeforeCheckpoints += start.seq() - 1;
					tip = segment.tip();
				}
			}
			else {
				tip = walk(agent, null, known).tip();
			}
			if (tip != null && this.breaksFound == breaksBefore) {
				this.intact.add(new ChainCheckpoint(agent, tip.seq(), tip.hash()));
			}
		}

		/** An agent with a checkpoint and no row left at all. */
		void vanished(ChainCheckpoint checkpoint) {
			this.agents++;
			if (!withdrawn(checkpoint)) {
				this.breaks.accept(checkpointBreak(checkpoint, null));
			}
		}

		/**
		 * Walks one agent's rows from the start checkpoint's row (or seq 1), checking on
		 * the way the row of the known checkpoint, if any.
		 */
		private Segment walk(String agent, ChainCheckpoint start, ChainCheckpoint known) {
			long fromSeq = (start != null) ? start.seq() : 1;
			boolean knownSeen = false;
			Action previous = null;
			try (Stream<StoredAction> rows = this.handle.createQuery(this.rowsSql)
				.bind("agent", agent)
				.bind("fromSeq", fromSeq)
				.setFetchSize(FETCH_SIZE)
				.map(new StoredActionMapper())
				.stream()) {
				for (Iterator<StoredAction> iterator = rows.iterator(); iterator.hasNext();) {
					Action current = iterator.next().action();
					this.rowsChecked++;
					if (previous == null && start != null) {
						if (current.seq() != start.seq() || !current.hash().equals(start.hash())) {
							return new Segment(current, true);
						}
						// its link to the rows before is what the checkpoint vouches for
						checkContent(current, this.breaks);
					}
					else {
						check(previous, current, this.breaks);
					}
					if (known != null && current.seq() == known.seq()) {
						knownSeen = true;
						if (!current.hash().equals(known.hash()) && !withdrawn(known)) {
							this.breaks.accept(checkpointBreak(known, current));
						}
					}
					previous = current;
				}
			}
			if (start != null && previous == null) {
				return new Segment(null, true);
			}
			if (known != null && !knownSeen && !withdrawn(known)) {
				this.breaks.accept(checkpointBreak(known, null));
			}
			return new Segment(previous, false);
		}

		/** A checkpoint row that left agent_action through {@code ingest withdraw}. */
		private boolean withdrawn(ChainCheckpoint checkpoint) {
			return this.handle.createQuery(SQL.locate(ActionDao.class, "withdrawnAt"))
				.bind("agent", checkpoint.agent())
				.bind("seq", checkpoint.seq())
				.bind("hash", checkpoint.hash())
				.mapTo(Long.class)
				.one() > 0;
		}

		ChainWalk result() {
			return new ChainWalk(this.rowsChecked, this.agents, this.agentsFromCheckpoint, this.rowsBeforeCheckpoints,
					this.intact);
		}

	}

	/**
	 * The end of one agent's walk.
	 *
	 * @param tip the last row read (the first, when the checkpoint did not match)
	 * @param checkpointMismatch the walk started at a checkpoint whose row is missing or
	 * changed
	 */
	private record Segment(Action tip, boolean checkpointMismatch) {
	}

	/**
	 * The row an earlier run verified is missing or has another hash. Placed in no period
	 * (rows up to it may have been rewritten anywhere before), so every run reports it.
	 * @param found the row now at or after the checkpoint's seq, or {@code null}
	 */
	static ChainBreak checkpointBreak(ChainCheckpoint checkpoint, Action found) {
		String detail;
		if (found == null) {
			detail = "seq " + checkpoint.seq() + ", the chain's last verified row (hash " + checkpoint.hash()
					+ "), is missing and no later row exists";
		}
		else if (found.seq() != checkpoint.seq()) {
			detail = "seq " + checkpoint.seq() + ", the chain's last verified row (hash " + checkpoint.hash()
					+ "), is missing; the chain continues at seq " + found.seq();
		}
		else {
			detail = "the chain's last verified row now has hash " + found.hash() + ", not " + checkpoint.hash()
					+ ": rows up to it were rewritten";
		}
		String actionId = (found != null && found.seq() == checkpoint.seq()) ? found.id() : null;
		return new ChainBreak(checkpoint.agent(), checkpoint.seq(), actionId, null, ChainBreak.Kind.CHECKPOINT_MISMATCH,
				detail);
	}

	static void check(Action previous, Action current, Consumer<ChainBreak> breaks) {
		boolean sameAgent = previous != null && previous.agent().equals(current.agent());
		long expectedSeq = sameAgent ? previous.seq() + 1 : 1;
		String expectedPrevHash = sameAgent ? previous.hash() : ActionHash.GENESIS;
		checkContent(current, breaks);
		if (sameAgent && current.seq() == previous.seq()) {
			breaks.accept(chainBreak(current, ChainBreak.Kind.SEQ_REPEAT,
					"seq " + current.seq() + " repeats (also action " + previous.id() + ")"));
		}
		else if (current.seq() > expectedSeq) {
			String missing = (current.seq() - 1 == expectedSeq) ? "seq " + expectedSeq
					: "seq " + expectedSeq + "-" + (current.seq() - 1);
			breaks.accept(chainBreak(current, ChainBreak.Kind.SEQ_GAP, missing + " missing before seq " + current.seq()
					+ ((expectedSeq == 1) ? " (the chain does not start at seq 1)" : "")));
		}
		if (!expectedPrevHash.equals(current.prevHash())) {
			String before = sameAgent ? "the hash of seq " + previous.seq() + " (action " + previous.id() + ")"
					: "the genesis hash";
			breaks.accept(chainBreak(current, ChainBreak.Kind.PREV_HASH_MISMATCH,
					"prevHash " + current.prevHash() + " is not " + before + ", " + expectedPrevHash));
		}
	}

	/** The row's content still hashes to its stored hash. */
	static void checkContent(Action current, Consumer<ChainBreak> breaks) {
		String expectedHash = ActionHash.hash(current, current.prevHash());
		if (!expectedHash.equals(current.hash())) {
			breaks.accept(chainBreak(current, ChainBreak.Kind.HASH_MISMATCH, "stored hash " + current.hash()
					+ " is not the hash of the row's content, " + expectedHash + ": the row was edited"));
		}
	}

	private static ChainBreak chainBreak(Action action, ChainBreak.Kind kind, String detail) {
		return new ChainBreak(action.agent(), action.seq(), action.id(), action.occurredAt(), kind, detail);
	}

}
