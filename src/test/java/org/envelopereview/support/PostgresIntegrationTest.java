package org.envelopereview.support;

import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base class for tests that run the application on the real PostgreSQL server. All such
 * classes of one test JVM share one fresh database, dropped when the JVM exits.
 */
@IntegrationTest
public abstract class PostgresIntegrationTest extends DatabaseIntegrationTest {

	@BeforeAll
	static void requirePostgres() {
		PostgresDatabase.requireServer();
	}

	@DynamicPropertySource
	static void postgresDataSource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> SharedDatabase.INSTANCE.url());
		registry.add("spring.datasource.username", () -> SharedDatabase.INSTANCE.user());
		registry.add("spring.datasource.password", () -> "");
	}

	private static final class SharedDatabase {

		static final PostgresDatabase INSTANCE = PostgresDatabase.create();

		static {
			Runtime.getRuntime().addShutdownHook(new Thread(INSTANCE::close));
		}

	}

}
