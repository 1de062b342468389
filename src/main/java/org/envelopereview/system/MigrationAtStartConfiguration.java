package org.envelopereview.system;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates the database while the application starts even when its beans are made lazily
 * (as the command line makes them for {@code ingest}, {@code run}, {@code demo} and
 * {@code status}): nothing else depends on Flyway, so it would otherwise never run.
 */
@Configuration(proxyBeanMethods = false)
class MigrationAtStartConfiguration {

	@Bean
	static LazyInitializationExcludeFilter migrateAtStart() {
		return LazyInitializationExcludeFilter.forBeanTypes(FlywayMigrationInitializer.class);
	}

}
