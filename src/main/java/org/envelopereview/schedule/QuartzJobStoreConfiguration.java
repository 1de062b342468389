package org.envelopereview.schedule;

import java.sql.DatabaseMetaData;
import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Quartz's JDBC job store in the application database: the driver delegate follows the
 * database actually connected, so one build runs on H2 and on PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class QuartzJobStoreConfiguration {

	static final String DRIVER_DELEGATE = "org.quartz.jobStore.driverDelegateClass";

	@Bean
	SchedulerFactoryBeanCustomizer driverDelegateOfTheDatabase(DataSource dataSource, QuartzProperties quartz) {
		return (factory) -> {
			// setQuartzProperties replaces what Boot set from spring.quartz.properties.*
			Properties properties = new Properties();
			properties.putAll(quartz.getProperties());
			properties.putIfAbsent(DRIVER_DELEGATE, driverDelegateFor(databaseProductName(dataSource)));
			factory.setQuartzProperties(properties);
		};
	}

	static String driverDelegateFor(String databaseProductName) {
		return "PostgreSQL".equalsIgnoreCase(databaseProductName) ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
				: "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
	}

	private static String databaseProductName(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database Quartz's job store is in: " + ex.getMessage(),
					ex);
		}
	}

}
