package org.envelopereview.schedule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuartzJobStoreConfigurationTests {

	@Test
	void shouldUseThePostgresDelegateOnPostgres() {
		// the standard delegate fails there with "Bad value for type long"
		assertThat(QuartzJobStoreConfiguration.driverDelegateFor("PostgreSQL"))
			.isEqualTo("org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
	}

	@Test
	void shouldUseTheStandardDelegateOnH2() {
		assertThat(QuartzJobStoreConfiguration.driverDelegateFor("H2"))
			.isEqualTo("org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
	}

}
