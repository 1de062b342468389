package org.envelopereview.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;

/**
 * One process reviews a period at a time: the holder keeps the period's
 * {@code review_lock} row locked on a connection of its own. The database ends the lock
 * with the connection, also when the process is killed, so holding it proves that no
 * other process is still running the period.
 */
final class ReviewLock implements AutoCloseable {

	private final Connection connection;

	private ReviewLock(Connection connection) {
		this.connection = connection;
	}

	/**
	 * @throws IllegalStateException when another process is reviewing the period
	 */
	static ReviewLock acquire(Jdbi jdbi, DataSource dataSource, String period) {
		jdbi.useHandle((handle) -> handle.createUpdate(SqlFiles.sql(ReviewLock.class, "insert"))
			.bind("period", period)
			.execute());
		Connection connection;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(false);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot reach the database: " + ex.getMessage(), ex);
		}
		try (PreparedStatement statement = connection.prepareStatement(SqlFiles.sql(ReviewLock.class, "lock"))) {
			statement.setString(1, period);
			statement.executeQuery().close();
			return new ReviewLock(connection);
		}
		catch (SQLException ex) {
			close(connection);
			throw new IllegalStateException(
					"the review of " + period
							+ " is running in another process right now (its review lock is held); wait for it to end",
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
