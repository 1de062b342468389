package org.envelopereview.action.chain;

import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionDao;
import org.envelopereview.action.ActionHash;
import org.envelopereview.action.StoredAction;
import org.envelopereview.action.StoredActionMapper;

import org.springframework.stereotype.Component;

/**
 * Verifies every agent's chain in {@code agent_action}, streaming the rows in (agent,
 * seq) order: each row's hash against its content, its prevHash against the previous
 * row's hash, and seq for gaps and repeats. Memory holds one row per agent at a time.
 */
@Component
public class JdbcAuditTrailVerifier implements AuditTrailVerifier {

	private static final int FETCH_SIZE = 1000;

	private final Jdbi jdbi;

	JdbcAuditTrailVerifier(Jdbi jdbi) {
		this.jdbi = jdbi;
	}

	@Override
	public long verify(Consumer<ChainBreak> breaks) {
		String sql = ClasspathSqlLocator.create().locate(ActionDao.class, "chainInOrder");
		// A transaction, so that PostgreSQL streams with a cursor instead of loading the
		// table.
		return this.jdbi.inTransaction((handle) -> {
			try (Stream<StoredAction> rows = handle.createQuery(sql)
				.setFetchSize(FETCH_SIZE)
				.map(new StoredActionMapper())
				.stream()) {
				long checked = 0;
				Action previous = null;
				for (Iterator<StoredAction> iterator = rows.iterator(); iterator.hasNext();) {
					Action current = iterator.next().action();
					check(previous, current, breaks);
					previous = current;
					checked++;
				}
				return checked;
			}
		});
	}

	static void check(Action previous, Action current, Consumer<ChainBreak> breaks) {
		boolean sameAgent = previous != null && previous.agent().equals(current.agent());
		long expectedSeq = sameAgent ? previous.seq() + 1 : 1;
		String expectedPrevHash = sameAgent ? previous.hash() : ActionHash.GENESIS;
		String expectedHash = ActionHash.hash(current, current.prevHash());
		if (!expectedHash.equals(current.hash())) {
			breaks.accept(chainBreak(current, ChainBreak.Kind.HASH_MISMATCH, "stored hash " + current.hash()
					+ " is not the hash of the row's content, " + expectedHash + ": the row was edited"));
		}
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

	private static ChainBreak chainBreak(Action action, ChainBreak.Kind kind, String detail) {
		return new ChainBreak(action.agent(), action.seq(), action.id(), action.occurredAt(), kind, detail);
	}

}
