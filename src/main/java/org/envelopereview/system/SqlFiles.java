package org.envelopereview.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * The review's SQL lives in {@code .sql} files beside the classes that run it; times are
 * bound and read as UTC offsets so H2 and PostgreSQL agree.
 */
public final class SqlFiles {

	private static final ClasspathSqlLocator LOCATOR = ClasspathSqlLocator.removingComments();

	private SqlFiles() {
	}

	/** The text of {@code <package>/<Owner>/<name>.sql}. */
	public static String sql(Class<?> owner, String name) {
		return LOCATOR.locate(owner, name);
	}

	public static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	public static Instant instant(ResultSet row, int column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	public static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
