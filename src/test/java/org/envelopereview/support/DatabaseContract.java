package org.envelopereview.support;

import java.nio.file.Path;

import org.springframework.context.ApplicationContext;

/**
 * Scenarios written once and run on both databases: a nested class per database
 * ({@link H2IntegrationTest}, {@link PostgresIntegrationTest}) implements the scenarios'
 * interface, and the scenarios take the beans they need from its context.
 */
public interface DatabaseContract {

	ApplicationContext context();

	/** A private temporary directory of the running test. */
	Path directory();

	default <T> T bean(Class<T> type) {
		return context().getBean(type);
	}

}
