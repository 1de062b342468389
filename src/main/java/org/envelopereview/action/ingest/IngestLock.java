package org.envelopereview.action.ingest;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.jdbi.v3.core.locator.ClasspathSqlLocator;

import org.envelopereview.action.ActionDao;
import org.envelopereview.system.RowLock;

/**
 * Ingest runs one process at a time per database: the chain's next seq is read, then
 * written. The holder keeps the {@code ingest_lock} row locked; a second process fails at
 * once instead of interleaving chains.
 */
final class IngestLock {

	private IngestLock() {
	}

	/**
	 * @throws IllegalStateException when another ingest holds the lock
	 */
	static RowLock acquire(DataSource dataSource) {
		try {
			return RowLock.acquire(dataSource, ClasspathSqlLocator.create().locate(ActionDao.class, "lockIngest"));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"another ingest is running against this database (the ingest lock is held): " + ex.getMessage(),
					ex);
		}
	}

}
