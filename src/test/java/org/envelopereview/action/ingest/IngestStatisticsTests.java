package org.envelopereview.action.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.envelopereview.support.IntegrationTest;
import org.envelopereview.support.PostgresDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large ingest into a new PostgreSQL database keeps the planner's statistics of
 * {@code agent_action} current, whether or not autovacuum runs: without them the
 * deduplication look-up by key walks the whole period index for every batch. A database
 * of its own, so that the table starts never analysed.
 */
@IntegrationTest
class IngestStatisticsTests {

	private static PostgresDatabase database;

	@Autowired
	private ActionIngester ingester;

	@Autowired
	private Jdbi jdbi;

	@TempDir
	private Path directory;

	@BeforeAll
	static void requirePostgres() {
		PostgresDatabase.requireServer();
	}

	@DynamicPropertySource
	static void newDatabase(DynamicPropertyRegistry registry) {
		database = PostgresDatabase.create();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", () -> "");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void shouldAnalyseTheActionsOnceALoadHasAddedTenThousandRowsAndNotBefore() {
		ingest("small.jsonl", 0, 4_000);

		// a new table: -1 (never analysed), or 0 when an index was created on it empty
		assertThat(analysedRows()).as("a load of 4,000 rows leaves the statistics alone").isNotPositive();

		ingest("large.jsonl", 4_000, 12_000);

		assertThat(analysedRows()).as("analysed after the first 10,000 rows of the load").isBetween(14_000L, 16_000L);
		assertThat(keyLookUpPlan()).contains("agent_action_pkey");
	}

	private void ingest(String name, int from, int count) {
		List<String> lines = IntStream.range(from, from + count)
			.mapToObj((i) -> NativeRecords.action("a-" + i).with("agent", "agent-" + (i % 7)).json())
			.toList();
		Path file = this.directory.resolve(name);
		try {
			Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		IngestReport report = this.ingester.ingest(List.of(IngestInput.file(file)), null, 1 << 20);
		assertThat(report.totals().stored()).isEqualTo(count);
	}

	private long analysedRows() {
		return this.jdbi.withHandle((handle) -> handle
			.createQuery("SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE oid = 'agent_action'::regclass")
			.mapTo(Long.class)
			.one());
	}

	/** The plan of the look-up each batch makes of the keys it is about to store. */
	private String keyLookUpPlan() {
		List<String> plan = this.jdbi.withHandle((handle) -> handle
			.createQuery("EXPLAIN SELECT a.*, s.source_name FROM agent_action a "
					+ "LEFT JOIN ingest_source s ON s.id = a.ingest_source_id WHERE a.id = ANY(ARRAY['a-1', 'a-2'])")
			.mapTo(String.class)
			.list());
		return String.join("\n", plan);
	}

}
