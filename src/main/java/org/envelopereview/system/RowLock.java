package org.envelopereview.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * A row lock held on a connection of its own until closed. The database ends the lock
 * with the connection, also when the process is killed, so holding it proves that no
 * other process holds it.
 */
public final class RowLock implements AutoCloseable {

	private final Connection connection;

	private RowLock(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Runs the lock query (a {@code SELECT … FOR UPDATE NOWAIT}) in a transaction kept
	 * open until {@link #close}.
	 * @param parameters the query's string parameters, in order
	 * @throws SQLException when the lock query fails, mostly because another holds the
	 * row
	 * @throws IllegalStateException when the database cannot be reached
	 */
	public static RowLock acquire(DataSource dataSource, String lockQuery, String... parameters) throws SQLException {
		Connection connection;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(false);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot reach the database: " + ex.getMessage(), ex);
		}
		try (PreparedStatement statement = connection.prepareStatement(lockQuery)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			statement.executeQuery().close();
			return new RowLock(connection);
		}
		catch (SQLException ex) {
			release(connection);
			throw ex;
		}
	}

	@Override
	public void close() {
		release(this.connection);
	}

	private static void release(Connection connection) {
		try {
			connection.rollback();
			connection.close();
		}
		catch (SQLException ex) {
			// the lock ends with the connection in any case
		}
	}

}
