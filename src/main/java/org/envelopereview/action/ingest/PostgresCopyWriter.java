package org.envelopereview.action.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.envelopereview.action.ActionRow;

/**
 * PostgreSQL bulk insert: {@code COPY} straight into {@code agent_action}. The batch was
 * deduplicated against the table under the ingest lock, so a key taken meanwhile can only
 * mean a writer that bypassed the lock: the batch then fails as a whole.
 * <p>
 * Keeps the table's planner statistics in step with a load that grows it: each time the
 * rows written since the last {@code ANALYZE} reach what the table held then (at least
 * {@value #ANALYZE_AFTER_ROWS}), it analyses the table again, so at most about log2(N)
 * times. Without statistics PostgreSQL plans the deduplication look-up by key as a walk
 * of the whole period index: an ingest into a new database, where autovacuum is off or
 * has not come round yet, took 7 minutes for its first 20% of 1M records, against 47 s in
 * all with statistics.
 */
final class PostgresCopyWriter implements ActionRowWriter {

	static final long ANALYZE_AFTER_ROWS = 10_000;

	private static final ClasspathSqlLocator SQL = ClasspathSqlLocator.create();

	private static final String UNIQUE_VIOLATION = "23505";

	/** Characters of CSV sent to the server at a time. */
	private static final int CHUNK_CHARS = 1 << 16;

	private static final List<Function<ActionRow, Object>> COLUMNS = List.of(ActionRow::id, ActionRow::occurredAt,
			ActionRow::agent, ActionRow::modelVersion, ActionRow::envelopeId, ActionRow::actionType,
			ActionRow::resource, ActionRow::region, ActionRow::protocol, ActionRow::ports, ActionRow::cidr,
			ActionRow::rationaleSignal, ActionRow::rationaleText, ActionRow::confidence, ActionRow::approvalRef,
			ActionRow::approver, ActionRow::changeRef, ActionRow::revertBy, ActionRow::reverts, ActionRow::outcome,
			ActionRow::errorCode, ActionRow::seq, ActionRow::prevHash, ActionRow::hash, ActionRow::chainedBy,
			ActionRow::ingestSourceId, ActionRow::sourceLine, ActionRow::recordedCidr, ActionRow::provider,
			ActionRow::principal, ActionRow::account, ActionRow::providerEventId, ActionRow::userAgent,
			ActionRow::sourceIp, ActionRow::attributedEnvelopeId);

	/** Rows the table held at its last ANALYZE; -1 until this writer has asked. */
	private long analysedRows = -1;

	private long writtenSinceAnalysis;

	@Override
	public void write(Handle handle, List<ActionRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		try {
			PGConnection connection = handle.getConnection().unwrap(PGConnection.class);
			copy(connection.getCopyAPI().copyIn(SQL.locate(PostgresCopyWriter.class, "copyIntoActions")), rows);
			keepStatistics(handle, rows.size());
		}
		catch (SQLException ex) {
			if (UNIQUE_VIOLATION.equals(ex.getSQLState())) {
				throw new IllegalStateException("another writer changed agent_action during ingest (" + ex.getMessage()
						+ "); is something writing to it without the ingest lock?", ex);
			}
			throw new IllegalStateException("COPY into agent_action failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Sends the rows as they are written, a chunk at a time, so that PostgreSQL inserts
	 * while the next chunk is formatted; cancels the COPY if anything fails before its
	 * end.
	 */
	private static void copy(CopyIn copy, List<ActionRow> rows) throws SQLException {
		try {
			StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 4096);
			for (ActionRow row : rows) {
				csv(row, chunk);
				if (chunk.length() >= CHUNK_CHARS) {
					send(copy, chunk);
				}
			}
			send(copy, chunk);
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	private static void send(CopyIn copy, StringBuilder chunk) throws SQLException {
		byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		chunk.setLength(0);
	}

	/**
	 * In the batch's transaction: ANALYZE counts the transaction's own new rows, and
	 * takes a lock that blocks neither readers nor writers.
	 */
	private void keepStatistics(Handle handle, int written) {
		if (this.analysedRows < 0) {
			this.analysedRows = analysedRows(handle);
		}
		this.writtenSinceAnalysis += written;
		if (this.writtenSinceAnalysis >= Math.max(ANALYZE_AFTER_ROWS, this.analysedRows)) {
			handle.execute(SQL.locate(PostgresCopyWriter.class, "analyseActions"));
			this.analysedRows = analysedRows(handle);
			this.writtenSinceAnalysis = 0;
		}
	}

	private static long analysedRows(Handle handle) {
		return Math.max(0,
				handle.createQuery(SQL.locate(PostgresCopyWriter.class, "analysedRows")).mapTo(Long.class).one());
	}

	/** COPY's CSV: null is an unquoted empty field, every value is quoted. */
	private static void csv(ActionRow row, StringBuilder out) {
		for (int i = 0; i < COLUMNS.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			Object value = COLUMNS.get(i).apply(row);
			if (value != null) {
				out.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
			}
		}
		out.append('\n');
	}

}
