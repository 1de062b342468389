package org.envelopereview.review;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Where the evaluate step's partitions run ({@code review.job.workers}): on local threads
 * (the default), or on {@code worker} processes that take them from a RabbitMQ queue and
 * share the PostgreSQL job repository with the process that runs the job.
 */
@Component
public class EvaluationWorkers {

	static final String PROPERTY = "review.job.workers";

	private final boolean remote;

	private final DataSource dataSource;

	EvaluationWorkers(@Value("${review.job.workers:local}") String workers, DataSource dataSource) {
		String mode = workers.trim().toLowerCase(Locale.ROOT);
		if (!mode.equals("local") && !mode.equals("remote")) {
			throw new IllegalArgumentException(PROPERTY + " must be local or remote, not '" + workers + "'");
		}
		this.remote = mode.equals("remote");
		this.dataSource = dataSource;
	}

	/** Whether the partitions go to worker processes over RabbitMQ. */
	public boolean remote() {
		return this.remote;
	}

	/**
	 * Refuses remote workers on any database but PostgreSQL: the workers must reach the
	 * same job repository as the manager, and an H2 file is one process's.
	 * @param what what needs the workers, to start the message with
	 * @throws IllegalStateException on H2 (or any other database)
	 */
	public void requireSharedDatabase(String what) {
		String product = databaseProduct();
		if (!"PostgreSQL".equalsIgnoreCase(product)) {
			throw new IllegalStateException(what + " needs PostgreSQL: the manager and the worker processes "
					+ "share its job repository, and the database configured here is " + product
					+ ". Point spring.datasource.url at PostgreSQL, or leave " + PROPERTY
					+ " at local (the default) to evaluate on this machine's threads.");
		}
	}

	/** Checks the setting when partitions go to remote workers; nothing when local. */
	public void requireSupported() {
		if (this.remote) {
			requireSharedDatabase(PROPERTY + "=remote");
		}
	}

	private String databaseProduct() {
		try {
			return JdbcUtils.extractDatabaseMetaData(this.dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("cannot read which database is configured: " + ex.getMessage(), ex);
		}
	}

}
