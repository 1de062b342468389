package org.envelopereview.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away database on the real PostgreSQL server at 127.0.0.1:5432. The server
 * outlives test runs, so every database gets a unique name and is dropped afterwards.
 *
 * <p>
 * When no server answers, tests are skipped with a loud message on a developer machine,
 * and fail when the {@code CI} environment variable is set.
 */
public final class PostgresDatabase implements AutoCloseable {

	private static final String SERVER = System.getProperty("review.test.postgres",
			"jdbc:postgresql://127.0.0.1:5432/");

	private static final String ADMIN_DATABASE = "postgres";

	private static final String USER = System.getProperty("review.test.postgres.user", "postgres");

	private final String name;

	private PostgresDatabase(String name) {
		this.name = name;
	}

	/**
	 * Creates a new, empty database, or skips (fails on CI) when no server is reachable.
	 */
	public static PostgresDatabase create() {
		requireServer();
		String name = "er_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		execute("CREATE DATABASE " + name);
		return new PostgresDatabase(name);
	}

	public static void requireServer() {
		try (Connection ignored = DriverManager.getConnection(SERVER + ADMIN_DATABASE, USER, "")) {
			// reachable
		}
		catch (SQLException ex) {
			String message = "PostgreSQL at " + SERVER + " is not reachable (" + ex.getMessage() + ")";
			if (System.getenv("CI") != null) {
				throw new IllegalStateException(message + ": CI is set, so PostgreSQL tests must run", ex);
			}
			System.err.println("!!!!! SKIPPING POSTGRESQL TESTS: " + message + " !!!!!");
			Assumptions.abort(message);
		}
	}

	public String url() {
		return SERVER + this.name;
	}

	public String user() {
		return USER;
	}

	public String name() {
		return this.name;
	}

	@Override
	public void close() {
		execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(SERVER + ADMIN_DATABASE, USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + ex.getMessage(), ex);
		}
	}

}
