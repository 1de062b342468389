package org.envelopereview.support;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** What both databases' base classes give a {@link DatabaseContract}. */
abstract class DatabaseIntegrationTest implements DatabaseContract {

	@Autowired
	private ApplicationContext context;

	@TempDir
	private Path directory;

	@Override
	public ApplicationContext context() {
		return this.context;
	}

	@Override
	public Path directory() {
		return this.directory;
	}

}
