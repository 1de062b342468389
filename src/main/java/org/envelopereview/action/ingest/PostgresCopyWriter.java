package org.envelopereview.action.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.postgresql.PGConnection;

import org.envelopereview.action.ActionRow;

/**
 * PostgreSQL bulk insert: {@code COPY} straight into {@code agent_action}. The batch was
 * deduplicated against the table under the ingest lock, so a key taken meanwhile can only
 * mean a writer that bypassed the lock: the batch then fails as a whole.
 */
final class PostgresCopyWriter implements ActionRowWriter {

	private static final ClasspathSqlLocator SQL = ClasspathSqlLocator.create();

	private static final String UNIQUE_VIOLATION = "23505";

	private static final List<Function<ActionRow, Object>> COLUMNS = List.of(ActionRow::id, ActionRow::occurredAt,
			ActionRow::agent, ActionRow::modelVersion, ActionRow::envelopeId, ActionRow::actionType,
			ActionRow::resource, ActionRow::region, ActionRow::protocol, ActionRow::ports, ActionRow::cidr,
			ActionRow::rationaleSignal, ActionRow::rationaleText, ActionRow::confidence, ActionRow::approvalRef,
			ActionRow::approver, ActionRow::changeRef, ActionRow::revertBy, ActionRow::reverts, ActionRow::outcome,
			ActionRow::errorCode, ActionRow::seq, ActionRow::prevHash, ActionRow::hash, ActionRow::chainedBy,
			ActionRow::ingestSourceId, ActionRow::sourceLine, ActionRow::recordedCidr, ActionRow::provider,
			ActionRow::principal, ActionRow::account, ActionRow::providerEventId, ActionRow::userAgent,
			ActionRow::sourceIp, ActionRow::attributedEnvelopeId);

	@Override
	public void write(Handle handle, List<ActionRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		try {
			PGConnection connection = handle.getConnection().unwrap(PGConnection.class);
			connection.getCopyAPI()
				.copyIn(SQL.locate(PostgresCopyWriter.class, "copyIntoActions"), new StringReader(csv(rows)));
		}
		catch (SQLException ex) {
			if (UNIQUE_VIOLATION.equals(ex.getSQLState())) {
				throw new IllegalStateException("another writer changed agent_action during ingest (" + ex.getMessage()
						+ "); is something writing to it without the ingest lock?", ex);
			}
			throw new IllegalStateException("COPY into agent_action failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("COPY into agent_action failed: " + ex.getMessage(), ex);
		}
	}

	/** COPY's CSV: null is an unquoted empty field, every value is quoted. */
	private static String csv(List<ActionRow> rows) {
		StringBuilder out = new StringBuilder(rows.size() * 400);
		for (ActionRow row : rows) {
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
		return out.toString();
	}

}
