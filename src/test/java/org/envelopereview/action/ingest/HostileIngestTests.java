package org.envelopereview.action.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.envelopereview.support.DatabaseContract;
import org.envelopereview.support.H2IntegrationTest;
import org.envelopereview.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile bytes all the way into the database, on H2 and PostgreSQL (which cannot store
 * NUL): SQL metacharacters are stored verbatim as data, everything else is quarantined
 * and the quarantine row shows hidden characters as visible escapes.
 */
class HostileIngestTests {

	interface Scenario extends DatabaseContract {

		default ActionIngester ingester() {
			return bean(ActionIngester.class);
		}

		default Jdbi jdbi() {
			return bean(Jdbi.class);
		}

		@Test
		default void shouldStoreSqlMetacharactersAsDataAndQuarantineHiddenCharactersVisibly() throws Exception {
			jdbi().useHandle((handle) -> {
				handle.execute("DELETE FROM quarantined_record");
				handle.execute("DELETE FROM agent_action");
				handle.execute("DELETE FROM provider_coverage");
				handle.execute("DELETE FROM not_reviewed_event");
				handle.execute("DELETE FROM withdrawn_action");
				handle.execute("UPDATE ingest_source SET withdrawal_id = NULL");
				handle.execute("DELETE FROM ingest_withdrawal");
				handle.execute("DELETE FROM ingest_source");
			});
			String injection = "x'); DROP TABLE agent_action; -- \" OR 1=1";
			ByteArrayOutputStream file = new ByteArrayOutputStream();
			line(file,
					NativeRecords.action("h-1").with("resource", injection).with("rationale.text", injection).json());
			line(file, NativeRecords.action("h-2").json().replace("primary degraded", "raw\u0000nul"));
			line(file, NativeRecords.action("h-3").with("rationale.text", "esc\u001b[2J").json());
			line(file, NativeRecords.action("h-4\u202E").json());
			byte[] invalid = NativeRecords.action("h-5").json().getBytes(StandardCharsets.UTF_8);
			invalid[invalid.length - 10] = (byte) 0xC3;
			file.writeBytes(invalid);
			file.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
			line(file, NativeRecords.action("h-6").json());
			line(file, NativeRecords.action("h-7").with("type", "x\u001b]0;pwned\u0007").json());
			Path input = directory().resolve("hostile.jsonl");
			Files.write(input, file.toByteArray());

			IngestReport report = ingester().ingest(List.of(IngestInput.file(input)), null, 1_048_576);

			assertThat(report.totals().read()).isEqualTo(7);
			assertThat(report.totals().stored()).isEqualTo(2);
			assertThat(report.totals().quarantined()).isEqualTo(5);
			assertThat(report.sources().get(0).counts().quarantineExamples()).as("printed by the ingest command")
				.hasSize(5)
				.noneMatch(HostileInput::hasForbiddenCharacter)
				.anySatisfy((example) -> assertThat(example).contains("unknown type 'x\\u001B]0;pwned\\u0007'"));
			String stored = jdbi()
				.withHandle((handle) -> handle.createQuery("SELECT resource FROM agent_action WHERE id = 'h-1'")
					.mapTo(String.class)
					.one());
			long actions = jdbi().withHandle(
					(handle) -> handle.createQuery("SELECT COUNT(*) FROM agent_action").mapTo(Long.class).one());
			assertThat(stored).isEqualTo(injection);
			assertThat(actions).isEqualTo(2);
			List<Map<String, Object>> quarantined = jdbi().withHandle((handle) -> handle
				.createQuery(
						"SELECT line_number, record_id, reason, raw_text FROM quarantined_record ORDER BY line_number")
				.mapToMap()
				.list());
			assertThat(quarantined).extracting((row) -> ((Number) row.get("line_number")).longValue())
				.containsExactly(2L, 3L, 4L, 5L, 7L);
			assertThat(quarantined.get(0).get("raw_text").toString()).contains("raw\\u0000nul");
			assertThat(quarantined.get(1).get("reason").toString())
				.isEqualTo("rationale.text holds the control character U+001B at position 4");
			assertThat(quarantined.get(2).get("record_id")).isEqualTo("h-4\\u202E");
			assertThat(quarantined.get(3).get("reason").toString()).contains("not valid UTF-8");
			assertThat(quarantined).allSatisfy((row) -> row.values()
				.stream()
				.filter((value) -> value instanceof String)
				.forEach((value) -> assertThat(HostileInput.hasForbiddenCharacter((String) value)).as(value.toString())
					.isFalse()));
		}

		private static void line(ByteArrayOutputStream file, String line) {
			file.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
		}

	}

	@Nested
	class OnH2 extends H2IntegrationTest implements Scenario {

	}

	@Nested
	class OnPostgres extends PostgresIntegrationTest implements Scenario {

	}

}
