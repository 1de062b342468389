package org.envelopereview.action;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * Ingest runs one process at a time per database: the chain's next seq is read, then
 * written. The holder keeps the {@code ingest_lock} row locked on a connection of its
 * own; a second process fails at once instead of interleaving chains.
 */
final class IngestLock implements AutoCloseable {

	private final Connection connection;

	private IngestLock(Connection connection) {
		this.connection = connection;
	}

	static IngestLock acquire(DataSource dataSource) {
		String sql = ClasspathSqlLocator.create().locate(ActionDao.class, "lockIngest");
		Connection connection = null;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.executeQuery(sql).close();
			}
			return new IngestLock(connection);
		}
		catch (SQLException ex) {
			close(connection);
			throw new IllegalStateException(
					"another ingest is running against this database (the ingest lock is held): " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public void close() {
		close(this.connection);
	}

	private static void close(Connection connection) {
		if (connection == null) {
			return;
		}
		try {
			connection.rollback();
			connection.close();
		}
		catch (SQLException ex) {
			// the lock ends with the connection in any case
		}
	}

}
