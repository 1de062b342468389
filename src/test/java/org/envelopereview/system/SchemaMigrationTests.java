package org.envelopereview.system;

import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMigrationTests {

	private static final List<String> EXPECTED_TABLES = List.of("agent_action", "quarantined_record", "ingest_source",
			"review_run", "review_finding", "envelope_snapshot", "scope_snapshot", "batch_job_execution",
			"qrtz_triggers", "qrtz_job_details", "flyway_schema_history");

	static List<String> tables(Jdbi jdbi) {
		return jdbi.withHandle((handle) -> handle
			.createQuery("SELECT lower(table_name) FROM information_schema.tables WHERE lower(table_schema) = 'public'")
			.mapTo(String.class)
			.list());
	}

	@Nested
	class OnH2 extends H2IntegrationTest {

		@Autowired
		Jdbi jdbi;

		@Test
		void shouldCreateEveryTableOnEmbeddedH2() {
			assertThat(tables(this.jdbi)).containsAll(EXPECTED_TABLES);
		}

	}

	@Nested
	class OnPostgres extends PostgresIntegrationTest {

		@Autowired
		Jdbi jdbi;

		@Test
		void shouldCreateEveryTableOnPostgres() {
			assertThat(tables(this.jdbi)).containsAll(EXPECTED_TABLES);
		}

	}

}
