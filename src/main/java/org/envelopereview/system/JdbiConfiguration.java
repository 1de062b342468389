package org.envelopereview.system;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Jdbi bound to Spring's transactions, so DAO writes commit and roll back with a chunk.
 * Times are bound and read as UTC offsets, so H2 and PostgreSQL agree on them whatever
 * the JVM's time zone.
 */
@Configuration(proxyBeanMethods = false)
class JdbiConfiguration {

	@Bean
	Jdbi jdbi(DataSource dataSource) {
		return Jdbi.create(new TransactionAwareDataSourceProxy(dataSource))
			.installPlugin(new SqlObjectPlugin())
			.registerArgument(new UtcInstantArgument())
			.registerColumnMapper(Instant.class, (row, column, ctx) -> {
				OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
				return (value != null) ? value.toInstant() : null;
			});
	}

	/** An {@link Instant} bound as a UTC {@link OffsetDateTime}. */
	static final class UtcInstantArgument extends AbstractArgumentFactory<Instant> {

		UtcInstantArgument() {
			super(Types.TIMESTAMP_WITH_TIMEZONE);
		}

		@Override
		protected Argument build(Instant value, ConfigRegistry config) {
			return (position, statement, ctx) -> statement.setObject(position, value.atOffset(ZoneOffset.UTC));
		}

	}

}
