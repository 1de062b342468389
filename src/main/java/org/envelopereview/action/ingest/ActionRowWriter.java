package org.envelopereview.action.ingest;

import java.util.List;

import org.jdbi.v3.core.Handle;

import org.envelopereview.action.ActionDao;
import org.envelopereview.action.ActionRow;

/**
 * Inserts a batch of new rows into {@code agent_action} within the caller's transaction.
 */
interface ActionRowWriter {

	void write(Handle handle, List<ActionRow> rows);

	/** JDBC batch inserts: portable, used on H2. */
	static ActionRowWriter jdbcBatch() {
		return (handle, rows) -> ActionDao.attach(handle).insertActions(rows);
	}

}
