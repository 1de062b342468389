package org.envelopereview.action.chain;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.envelopereview.system.Parallel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Verifies every agent's chain in {@code agent_action}, agent by agent, each from its
 * checkpoint row or from seq 1, streaming the rows of one index range of (agent, seq) at
 * a time: each row's hash against its content, its prevHash against the previous row's
 * hash, and seq for gaps and repeats. {@code review.job.threads} walkers take the agents
 * one at a time, each on a connection of its own (a chain is one agent's, so chains
 * verify independently; recomputing every row's hash is what a full verification spends).
 * Memory holds a row per walker, the list of agents and the breaks found.
 */
@Component
public class JdbcAuditTrailVerifier implements AuditTrailVerifier {

	private static final int FETCH_SIZE = 1000;

	private static final ClasspathSqlLocator SQL = ClasspathSqlLocator.create();

	private final Jdbi jdbi;

	private final int threads;

	JdbcAuditTrailVerifier(Jdbi jdbi, @Value("${review.job.threads:2}") int threads) {
		this.jdbi = jdbi;
		this.threads = Math.max(1, threads);
	}

	@Override
	public ChainWalk verify(Map<String, ChainCheckpoint> from, Map<String, ChainCheckpoint> known,
			Consumer<ChainBreak> breaks) {
		List<String> agents = this.jdbi
			.withHandle((handle) -> handle.createQuery(SQL.locate(ActionDao.class, agentsQuery(handle)))
				.mapTo(String.class)
				.list());
		AgentWalk[] walks = walkAll(agents, from, known);
		List<ChainCheckpoint> intact = new ArrayList<>();
		long rowsChecked = 0;
		long agentsFromCheckpoint = 0;
		long rowsBeforeCheckpoints = 0;
		for (AgentWalk walk : walks) {
			walk.breaks().forEach(breaks);
			rowsChecked += walk.rowsChecked();
			if (walk.fromCheckpoint()) {
				agentsFromCheckpoint++;
				rowsBeforeCheckpoints += from.get(walk.agent()).seq() - 1;
			}
			if (walk.intact() != null) {
				intact.add(walk.intact());
			}
		}
		Set<String> seen = new HashSet<>(agents);
		List<ChainCheckpoint> vanished = known.values()
			.stream()
			.filter((checkpoint) -> !seen.contains(checkpoint.agent()))
			.sorted((a, b) -> a.agent().compareTo(b.agent()))
			.toList();
		this.jdbi.useHandle((handle) -> vanished.forEach((checkpoint) -> {
			if (!withdrawn(handle, checkpoint)) {
				breaks.accept(checkpointBreak(checkpoint, null));
			}
		}));
		return new ChainWalk(rowsChecked, agents.size() + vanished.size(), agentsFromCheckpoint, rowsBeforeCheckpoints,
				intact);
	}

	/**
	 * Walks every agent's chain on up to {@code threads} connections, each in a
	 * transaction, so that PostgreSQL streams with a cursor instead of loading the range;
	 * returns the walks in the agents' order.
	 */
	private AgentWalk[] walkAll(List<String> agents, Map<String, ChainCheckpoint> from,
			Map<String, ChainCheckpoint> known) {
		AgentWalk[] walks = new AgentWalk[agents.size()];
		AtomicInteger next = new AtomicInteger();
		Runnable walker = () -> this.jdbi.useTransaction((handle) -> {
			Walk walk = new Walk(handle, from, known);
			for (int i = next.getAndIncrement(); i < walks.length; i = next.getAndIncrement()) {
				walks[i] = walk.agent(agents.get(i));
			}
		});
		int walkers = Math.max(1, Math.min(this.threads, agents.size()));
		Parallel.runAll("chain-verifier", "verifying the hash chains", Collections.nCopies(walkers, walker));
		return walks;
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

	/** A checkpoint row that left agent_action through {@code ingest withdraw}. */
	private static boolean withdrawn(Handle handle, ChainCheckpoint checkpoint) {
		return handle.createQuery(SQL.locate(ActionDao.class, "withdrawnAt"))
			.bind("agent", checkpoint.agent())
			.bind("seq", checkpoint.seq())
			.bind("hash", checkpoint.hash())
			.mapTo(Long.class)
			.one() > 0;
	}

	/**
	 * What the walk of one agent's chain read and found.
	 *
	 * @param breaks in seq order
	 * @param fromCheckpoint walked from its checkpoint row rather than seq 1
	 * @param intact its last row, when the walk found no break: the next checkpoint
	 */
	private record AgentWalk(String agent, List<ChainBreak> breaks, long rowsChecked, boolean fromCheckpoint,
			ChainCheckpoint intact) {
	}

	/** The walks of one connection, agent by agent. */
	private static final class Walk {

		private final Handle handle;

		private final String rowsSql;

		private final Map<String, ChainCheckpoint> from;

		private final Map<String, ChainCheckpoint> known;

		private List<ChainBreak> breaks;

		private long rowsChecked;

		Walk(Handle handle, Map<String, ChainCheckpoint> from, Map<String, ChainCheckpoint> known) {
			this.handle = handle;
			this.rowsSql = SQL.locate(ActionDao.class, "chainFrom");
			this.from = from;
			this.known = known;
		}

		AgentWalk agent(String agent) {
			this.breaks = new ArrayList<>();
			this.rowsChecked = 0;
			ChainCheckpoint start = this.from.get(agent);
			ChainCheckpoint known = this.known.getOrDefault(agent, start);
			Action tip;
			boolean fromCheckpoint = false;
			if (start != null) {
				Segment segment = walk(agent, start, null);
				if (segment.checkpointMismatch()) {
					if (!withdrawn(this.handle, start)) {
						this.breaks.add(checkpointBreak(start, segment.tip()));
					}
					// what changed before the checkpoint: every row from seq 1
					tip = walk(agent, null, null).tip();
				}
				else {
					fromCheckpoint = true;
					tip = segment.tip();
				}
			}
			else {
				tip = walk(agent, null, known).tip();
			}
			ChainCheckpoint intact = (tip != null && this.breaks.isEmpty())
					? new ChainCheckpoint(agent, tip.seq(), tip.hash()) : null;
			return new AgentWalk(agent, this.breaks, this.rowsChecked, fromCheckpoint, intact);
		}

		/**
		 * Walks one agent's rows from the start checkpoint's row (or seq 1), checking on
		 * the way the row of the known checkpoint, if any.
		 */
		private Segment walk(String agent, ChainCheckpoint start, ChainCheckpoint known) {
			long fromSeq = (start != null) ? start.seq() : 1;
			boolean knownSeen = false;
			Action previous = null;
			Consumer<ChainBreak> found = this.breaks::add;
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
						checkContent(current, found);
					}
					else {
						check(previous, current, found);
					}
					if (known != null && current.seq() == known.seq()) {
						knownSeen = true;
						if (!current.hash().equals(known.hash()) && !withdrawn(this.handle, known)) {
							found.accept(checkpointBreak(known, current));
						}
					}
					previous = current;
				}
			}
			if (start != null && previous == null) {
				return new Segment(null, true);
			}
			if (known != null && !knownSeen && !withdrawn(this.handle, known)) {
				found.accept(checkpointBreak(known, null));
			}
			return new Segment(previous, false);
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
