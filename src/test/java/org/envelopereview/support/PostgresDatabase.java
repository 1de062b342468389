package org.envelopereview.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throw-away database on the real PostgreSQL server at 127.0.0.1:5432. The server
 * outlives test runs, so every database gets a unique name and is dropped afterwards.
 *
 * <p>
 * A killed test JVM cannot drop its database, so the name carries its creation time
 * ({@code er_test_<epochSeconds>_<random>}) and the first database of each JVM drops the
 * ones older than {@link #STALE_AFTER}. Younger ones are left alone: another suite may be
 * using them.
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

	/** Longer than any test suite runs. */
	static final Duration STALE_AFTER = Duration.ofHours(6);

	private static final String PREFIX = "er_test_";

	private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d{1,18})_[0-9a-f]+");

	private static final AtomicBoolean STALE_DROPPED = new AtomicBoolean();

	private static final Logger logger = LoggerFactory.getLogger(PostgresDatabase.class);

	private final String name;

	private PostgresDatabase(String name) {
		this.name = name;
	}

	/**
	 * Creates a new, empty database, or skips (fails on CI) when no server is reachable.
	 */
	public static PostgresDatabase create() {
		requireServer();
		Instant now = Instant.now();
		if (STALE_DROPPED.compareAndSet(false, true)) {
			dropStale(now);
		}
		String name = nameFor(now);
		execute("CREATE DATABASE " + name);
		return new PostgresDatabase(name);
	}

	static String nameFor(Instant createdAt) {
		return PREFIX + createdAt.getEpochSecond() + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	/**
	 * The creation time a name of {@link #nameFor} carries, or empty for any other name.
	 */
	static Optional<Instant> createdAt(String name) {
		Matcher matcher = NAME.matcher(name);
		return matcher.matches() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(matcher.group(1))))
				: Optional.empty();
	}

	/** Whether a database of that name was left behind: ours, and older than 6 hours. */
	static boolean isStale(String name, Instant now) {
		return createdAt(name).filter((created) -> created.plus(STALE_AFTER).isBefore(now)).isPresent();
	}

	private static void dropStale(Instant now) {
		for (String name : testDatabases()) {
			if (isStale(name, now)) {
				try {
					execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
					logger.warn("Dropped test database {}, left behind at {}", name, createdAt(name).orElseThrow());
				}
				catch (IllegalStateException ex) {
					logger.warn("Could not drop stale test database {}: {}", name, ex.getMessage());
				}
			}
		}
	}

	private static List<String> testDatabases() {
		List<String> names = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(SERVER + ADMIN_DATABASE, USER, "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL: listing the databases failed: " + ex.getMessage(), ex);
		}
		return names;
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
