package org.envelopereview.system;

import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Jdbi bound to Spring's transactions, so DAO writes commit and roll back with a chunk.
 */
@Configuration(proxyBeanMethods = false)
class JdbiConfiguration {

	@Bean
	Jdbi jdbi(DataSource dataSource) {
		return Jdbi.create(new TransactionAwareDataSourceProxy(dataSource)).installPlugin(new SqlObjectPlugin());
	}

}
