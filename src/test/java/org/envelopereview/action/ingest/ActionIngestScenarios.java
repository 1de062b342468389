package org.envelopereview.action.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionHash;
import org.envelopereview.action.QuarantineRow;
import org.envelopereview.action.chain.ChainBreak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Ingest of the native formats and the chain verifier, written once and run on H2 and on
 * PostgreSQL (see {@link ActionIngestTests}).
 */
interface ActionIngestScenarios extends IngestContract {

	int MAX_RECORD_BYTES = 1_048_576;

	@Test
	default void shouldStoreJsonLinesRecordsChainedPerAgentInFileOrder() {
		Path file = write("actions.jsonl", NativeRecords.action("a-1").json(),
				NativeRecords.action("a-2").with("agent", "dns-agent").json(), NativeRecords.action("a-3").json());

		IngestReport report = ingest(file);

		assertThat(report.totals().read()).isEqualTo(3);
		assertThat(report.totals().stored()).isEqualTo(3);
		assertThat(report.sources().get(0).format()).isEqualTo(IngestFormat.JSONL);
		List<Map<String, Object>> chain = rows("SELECT id, seq, prev_hash, hash, chained_by FROM agent_action "
				+ "WHERE agent = 'failover-agent' ORDER BY seq");
		assertThat(chain).extracting((row) -> row.get("id")).containsExactly("a-1", "a-3");
		assertThat(chain).extracting((row) -> ((Number) row.get("seq")).longValue()).containsExactly(1L, 2L);
		assertThat(chain.get(0).get("prev_hash")).isEqualTo(ActionHash.GENESIS);
		assertThat(chain.get(1).get("prev_hash")).isEqualTo(chain.get(0).get("hash"));
		assertThat(chain).extracting((row) -> row.get("chained_by")).containsOnly("ingest");
		assertThat(breaks()).isEmpty();
	}

	@Test
	default void shouldStoreTheSameActionFromCsvAsFromJsonLines() {
		Path json = write("one.jsonl", NativeRecords.action("a-1").json());
		Path csv = write("one.csv", NativeRecords.csvHeader(), NativeRecords.action("a-1").csvRow());
		ingest(json);
		Map<String, Object> fromJson = rows("SELECT * FROM agent_action").get(0);
		emptyTables();

		IngestReport report = ingest(csv);

		assertThat(report.sources().get(0).format()).as(report.sources().get(0).error()).isEqualTo(IngestFormat.CSV);
		assertThat(report.totals().stored()).isEqualTo(1);
		Map<String, Object> fromCsv = rows("SELECT * FROM agent_action").get(0);
		for (String column : List.of("id", "occurred_at", "agent", "model_version", "envelope_id", "action_type",
				"resource", "region", "protocol", "ports", "cidr", "rationale_signal", "rationale_text", "confidence",
				"revert_by", "outcome", "hash")) {
			assertThat(fromCsv.get(column)).as(column).isEqualTo(fromJson.get(column));
		}
	}

	@Test
	default void shouldStoreARecordOnceWhenTheSameFileIsIngestedTwice() {
		Path file = write("actions.jsonl", NativeRecords.action("a-1").json(), NativeRecords.action("a-2").json(),
				"{\"id\":\"bad\"}");
		ingest(file);

		IngestReport again = ingest(file);

		assertThat(again.totals().stored()).isZero();
		assertThat(again.totals().duplicates()).isEqualTo(2);
		assertThat(again.totals().quarantined()).isEqualTo(1);
		assertThat(count("agent_action")).isEqualTo(2);
		assertThat(count("quarantined_record")).isEqualTo(1);
		assertThat(count("ingest_source")).isEqualTo(2);
	}

	@Test
	default void shouldQuarantineAConflictingSecondVersionOfAnIdAndKeepTheFirst() {
		Path first = write("first.jsonl", NativeRecords.action("a-000123").json());
		Path second = write("second.jsonl", NativeRecords.action("a-000123").with("cidr", "0.0.0.0/0").json());
		ingest(first);

		IngestReport report = ingest(second);

		assertThat(report.totals().quarantined()).isEqualTo(1);
		assertThat(report.sources().get(0).counts().quarantineExamples().get(0))
			.contains("conflicting duplicate of a-000123 already stored from " + first + ":1");
		assertThat(rows("SELECT cidr FROM agent_action")).extracting((row) -> row.get("cidr"))
			.containsExactly("10.0.2.0/24");
		assertThat(rows("SELECT record_id FROM quarantined_record")).extracting((row) -> row.get("record_id"))
			.containsExactly("a-000123");
	}

	@Test
	default void shouldQuarantineAConflictingDuplicateWithinOneFile() {
		Path file = write("twice.jsonl", NativeRecords.action("a-7").json(),
				NativeRecords.action("a-7").with("ports", "22").json(), NativeRecords.action("a-7").json());

		IngestReport report = ingest(file);

		assertThat(report.totals().stored()).isEqualTo(1);
		assertThat(report.totals().duplicates()).isEqualTo(1);
		assertThat(report.sources().get(0).counts().quarantineExamples())
			.containsExactly(file + ":2: conflicting duplicate of a-7 already stored from " + file + ":1");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
							bad timestamp      | occurredAt           | 2026-07-03 03:47                    | bad timestamp in occurredAt
							timestamp w/o zone | occurredAt           | 2026-07-03T03:47:00                 | bad timestamp in occurredAt
							unknown type       | type                 | security_group.ingress.open         | unknown type 'security_group.ingress.open'
							bad IPv4 CIDR      | cidr                 | 10.0.0.300/24                       | bad CIDR in cidr: '10.0.0.300/24'
							bad IPv6 CIDR      | cidr                 | 2001:db8::zz/32                     | bad CIDR in cidr
					prefix too long    | cidr                 | 10.0.0.0/33                         | bad CIDR in cidr: '10.0.0.0/33'
					host bits set      | cidr                 | 10.0.2.5/24                         | has host bits set; did you mean 10.0.2.0/24?
					a range, not CIDR  | cidr                 | 10.0.0.1-10.0.0.9                   | bad CIDR in cidr
							port out of range  | ports                | 70000                               | bad ports: '70000'
							reversed range     | ports                | 443-80                              | bad ports: '443-80'
							not a port         | ports                | https                               | bad ports: 'https'
							high confidence    | rationale.confidence | 1.5                                 | rationale.confidence 1.5 is outside 0..1
							negative confidence| rationale.confidence | -0.1                                | rationale.confidence -0.1 is outside 0..1
							bad revertBy       | revertBy             | tomorrow                            | bad timestamp in revertBy
							bad outcome        | outcome              | maybe                               | outcome 'maybe' is neither succeeded nor failed
							""")
	default void shouldQuarantineARecordWithABadField(String name, String field, String value, String reason) {
		Path file = write("bad.jsonl", NativeRecords.action("a-bad").with(field, value).json(),
				NativeRecords.action("a-good").json());

		IngestReport report = ingest(file);

		assertThat(report.totals().stored()).isEqualTo(1);
		assertThat(report.totals().quarantined()).isEqualTo(1);
		Map<String, Object> quarantined = rows("SELECT * FROM quarantined_record").get(0);
		assertThat((String) quarantined.get("reason")).contains(reason);
		assertThat(quarantined.get("source_name")).isEqualTo(file.toString());
		assertThat(((Number) quarantined.get("line_number")).longValue()).isEqualTo(1);
		assertThat(quarantined.get("record_id")).isEqualTo("a-bad");
		assertThat((String) quarantined.get("raw_text")).contains("\"a-bad\"");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			timestamp with offset | occurredAt           | 2026-07-03T05:47:00+02:00
			fractional seconds    | occurredAt           | 2026-07-03T03:47:00.123456Z
			every canonical type  | type                 | logging.config.modify
			IPv6 CIDR             | cidr                 | 2001:db8::/32
			a single address      | cidr                 | 10.0.2.7
			everything            | cidr                 | 0.0.0.0/0
			IPv6 everything       | cidr                 | ::/0
			highest port          | ports                | 65535
			port range            | ports                | 8443-8444
			confidence of one     | rationale.confidence | 1
			confidence of zero    | rationale.confidence | 0
			failed outcome        | outcome              | failed
			""")
	default void shouldStoreARecordWhoseFieldIsUnusualButValid(String name, String field, String value) {
		Path file = write("fine.jsonl", NativeRecords.action("a-fine").with(field, value).json());

		IngestReport report = ingest(file);

		assertThat(report.totals().quarantined()).isZero();
		assertThat(report.totals().stored()).isEqualTo(1);
		assertThat(breaks()).isEmpty();
	}

	@Test
	default void shouldStoreOccurredAtInUtcWhenGivenWithAnOffset() {
		Path file = write("offset.jsonl",
				NativeRecords.action("a-1").with("occurredAt", "2026-07-03T05:47:00+02:00").json());

		ingest(file);

		assertThat(instant("SELECT occurred_at FROM agent_action"))
			.isEqualTo(java.time.Instant.parse("2026-07-03T03:47:00Z"));
	}

	@ParameterizedTest(name = "missing {0}")
	@CsvSource({ "id", "agent", "occurredAt", "type" })
	default void shouldQuarantineARecordWithoutARequiredField(String field) {
		Path file = write("missing.jsonl", NativeRecords.action("a-1").without(field).json());

		IngestReport report = ingest(file);

		assertThat(report.totals().quarantined()).isEqualTo(1);
		assertThat(rows("SELECT reason FROM quarantined_record")).extracting((row) -> (String) row.get("reason"))
			.singleElement()
			.asString()
			.contains("missing " + field);
	}

	@Test
	default void shouldKeepTheParsedTimeOfAQuarantinedRecordSoItsPeriodCanShowIt() {
		Path file = write("bad.jsonl", NativeRecords.action("a-1").with("cidr", "nonsense").json());

		ingest(file);

		assertThat(instant("SELECT occurred_at FROM quarantined_record"))
			.isEqualTo(java.time.Instant.parse("2026-07-03T03:47:00Z"));
	}

	@Test
	default void shouldQuarantineALineThatIsNotJsonAndContinueWithTheRest() {
		Path file = write("broken.jsonl", NativeRecords.action("a-1").json(), "{\"id\": \"a-2\", ", "",
				NativeRecords.action("a-3").json());

		IngestReport report = ingest(file);

		assertThat(report.totals().stored()).isEqualTo(2);
		Map<String, Object> quarantined = rows("SELECT * FROM quarantined_record").get(0);
		assertThat((String) quarantined.get("reason")).startsWith("not valid JSON");
		assertThat(((Number) quarantined.get("line_number")).longValue()).isEqualTo(2);
	}

	@Test
	default void shouldQuarantineARecordLongerThanTheLimitWithItsBeginningOnly() {
		String longText = "x".repeat(6000);
		Path file = write("long.jsonl", NativeRecords.action("a-long").with("rationale.text", longText).json(),
				NativeRecords.action("a-short").with("rationale.text", "x".repeat(3000)).json());

		IngestReport report = ingester().ingest(List.of(IngestInput.file(file)), null, 5000);

		assertThat(report.totals().stored()).isEqualTo(1);
		Map<String, Object> quarantined = rows("SELECT * FROM quarantined_record").get(0);
		assertThat((String) quarantined.get("reason")).contains("longer than the limit of 5000");
		assertThat((String) quarantined.get("raw_text")).hasSize(QuarantineRow.MAX_RAW);
		assertThat(quarantined.get("raw_truncated")).isEqualTo(true);
	}

	@Test
	default void shouldQuarantineACsvRowWithABadFieldNamingItsLine() {
		Path file = write("bad.csv", NativeRecords.csvHeader(), NativeRecords.action("a-1").csvRow(),
				NativeRecords.action("a-2").with("ports", "99999").csvRow());

		IngestReport report = ingest(file);

		assertThat(report.totals().stored()).isEqualTo(1);
		Map<String, Object> quarantined = rows("SELECT * FROM quarantined_record").get(0);
		assertThat(((Number) quarantined.get("line_number")).longValue()).isEqualTo(3);
		assertThat((String) quarantined.get("reason")).contains("bad ports: '99999'");
		assertThat((String) quarantined.get("raw_text")).contains("a-2");
	}

	@Test
	default void shouldReadGzipCompressedInputWhateverItsName() throws IOException {
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
			gzip.write((NativeRecords.action("a-1").json() + "\n").getBytes(StandardCharsets.UTF_8));
		}
		Path file = directory().resolve("actions.data");
		Files.write(file, compressed.toByteArray());

		IngestReport report = ingest(file);

		assertThat(report.sources().get(0).format()).isEqualTo(IngestFormat.JSONL);
		assertThat(report.totals().stored()).isEqualTo(1);
	}

	@Test
	default void shouldReadStandardInput() {
		byte[] bytes = (NativeRecords.action("a-1").json() + "\n").getBytes(StandardCharsets.UTF_8);

		IngestReport report = ingester().ingest(List.of(IngestInput.standardInput(new ByteArrayInputStream(bytes))),
				null, MAX_RECORD_BYTES);

		assertThat(report.sources().get(0).name()).isEqualTo("-");
		assertThat(report.totals().stored()).isEqualTo(1);
	}

	@Test
	default void shouldRecordEachInputWithItsDigestAndCounts() throws IOException {
		Path file = write("actions.jsonl", NativeRecords.action("a-1").json(), "not json");

		ingest(file);

		Map<String, Object> source = rows("SELECT * FROM ingest_source").get(0);
		String expected = java.util.HexFormat.of().formatHex(sha256(Files.readAllBytes(file)));
		assertThat(((String) source.get("sha256")).trim()).isEqualTo(expected);
		assertThat(((Number) source.get("records_read")).longValue()).isEqualTo(2);
		assertThat(((Number) source.get("stored")).longValue()).isEqualTo(1);
		assertThat(((Number) source.get("quarantined")).longValue()).isEqualTo(1);
		assertThat(source.get("source_format")).isEqualTo("jsonl");
		assertThat(source.get("finished_at")).isNotNull();
	}

	@Test
	default void shouldReportAnInputThatCannotBeOpenedAndIngestTheOthers() {
		Path good = write("good.jsonl", NativeRecords.action("a-1").json());

		IngestReport report = ingester().ingest(
				List.of(IngestInput.file(directory().resolve("missing.jsonl")), IngestInput.file(good)), null,
				MAX_RECORD_BYTES);

		assertThat(report.hasUnreadableInput()).isTrue();
		assertThat(report.sources().get(0).error()).startsWith("cannot open");
		assertThat(report.totals().stored()).isEqualTo(1);
	}

	@Test
	default void shouldContinueTheChainOfAnAgentAcrossIngests() {
		ingest(write("first.jsonl", NativeRecords.action("a-1").json()));

		ingest(write("second.jsonl", NativeRecords.action("a-2").json()));

		assertThat(rows("SELECT seq FROM agent_action WHERE id = 'a-2'").get(0).get("seq")).isIn(2L, 2);
		assertThat(breaks()).isEmpty();
	}

	@Test
	default void shouldStoreASourceChainAsGivenWhenItVerifies() {
		Path file = write("chained.jsonl", sourceChain("a-1", "a-2", "a-3"));

		IngestReport report = ingest(file);

		assertThat(report.totals().stored()).isEqualTo(3);
		assertThat(report.totals().chainBreaks()).isZero();
		assertThat(rows("SELECT chained_by FROM agent_action")).extracting((row) -> row.get("chained_by"))
			.containsOnly("source");
		assertThat(breaks()).isEmpty();
	}

	@Test
	default void shouldStoreButReportASourceRecordWhoseHashDoesNotVerify() {
		String[] lines = sourceChain("a-1", "a-2", "a-3");
		lines[1] = lines[1].replace("\"ports\":\"443\"", "\"ports\":\"22\"");
		Path file = write("edited.jsonl", lines);

		IngestReport report = ingest(file);

		assertThat(report.totals().stored()).isEqualTo(3);
		assertThat(report.totals().chainBreaks()).isEqualTo(1);
		assertThat(report.sources().get(0).counts().chainBreakExamples().get(0))
			.contains(file + ":2: action a-2 (agent failover-agent, seq 2): hash does not match");
		assertThat(breaks()).extracting(ChainBreak::kind).containsExactly(ChainBreak.Kind.HASH_MISMATCH);
	}

	@Test
	default void shouldQuarantineASourceRecordWhoseSeqIsAlreadyTaken() {
		ingest(write("first.jsonl", sourceChain("a-1", "a-2")));
		String[] other = sourceChain("b-1", "b-2");

		IngestReport report = ingest(write("second.jsonl", other));

		assertThat(report.totals().quarantined()).isEqualTo(2);
		assertThat(report.sources().get(0).counts().quarantineExamples().get(0))
			.contains("seq 1 of agent failover-agent is already taken by action a-1");
	}

	@Test
	default void shouldQuarantineAPartialChain() {
		Path file = write("partial.jsonl", NativeRecords.action("a-1").with("seq", 1).json());

		IngestReport report = ingest(file);

		assertThat(report.sources().get(0).counts().quarantineExamples().get(0))
			.contains("missing prevHash (a chained record needs seq, prevHash and hash)");
	}

	@Test
	default void shouldDetectAnEditedRow() {
		ingest(write("actions.jsonl", NativeRecords.action("a-1").json(), NativeRecords.action("a-2").json(),
				NativeRecords.action("a-3").json()));

		jdbi().useHandle((handle) -> handle.execute("UPDATE agent_action SET cidr = '0.0.0.0/0' WHERE id = 'a-2'"));

		assertThat(breaks()).singleElement().satisfies((found) -> {
			assertThat(found.kind()).isEqualTo(ChainBreak.Kind.HASH_MISMATCH);
			assertThat(found.actionId()).isEqualTo("a-2");
			assertThat(found.seq()).isEqualTo(2);
		});
	}

	/**
	 * The chains are walked by several walkers (review.job.threads, 2 here): the breaks
	 * still arrive agent by agent in seq order, every row is read once, and only the
	 * agents with a break lose their checkpoint.
	 */
	@Test
	default void shouldReportEveryAgentsBreaksInAgentAndSeqOrderWhenWalkedInParallel() {
		List<String> lines = new ArrayList<>();
		for (int agent = 0; agent < 12; agent++) {
			for (int i = 1; i <= 4; i++) {
				lines.add(NativeRecords.action("agent" + agent + "-" + i).with("agent", "agent-" + agent).json());
			}
		}
		ingest(write("actions.jsonl", lines.toArray(String[]::new)));
		jdbi().useHandle((handle) -> handle.execute("UPDATE agent_action SET cidr = '0.0.0.0/0' "
				+ "WHERE id IN ('agent3-4', 'agent3-2', 'agent10-1', 'agent7-3')"));

		List<ChainBreak> found = new ArrayList<>();
		org.envelopereview.action.chain.ChainWalk walk = verifier().verify(Map.of(), Map.of(), found::add);

		assertThat(found).extracting(ChainBreak::actionId)
			.containsExactly("agent10-1", "agent3-2", "agent3-4", "agent7-3");
		assertThat(walk.rowsChecked()).isEqualTo(48);
		assertThat(walk.agents()).isEqualTo(12);
		assertThat(walk.intact()).extracting(org.envelopereview.action.chain.ChainCheckpoint::agent)
			.hasSize(9)
			.doesNotContain("agent-3", "agent-7", "agent-10")
			.allSatisfy((agent) -> assertThat(agent).startsWith("agent-"));
		assertThat(walk.intact()).allSatisfy((checkpoint) -> assertThat(checkpoint.seq()).isEqualTo(4));
	}

	@Test
	default void shouldDetectADeletedRow() {
		ingest(write("actions.jsonl", NativeRecords.action("a-1").json(), NativeRecords.action("a-2").json(),
				NativeRecords.action("a-3").json()));

		jdbi().useHandle((handle) -> handle.execute("DELETE FROM agent_action WHERE id = 'a-2'"));

		assertThat(breaks()).extracting(ChainBreak::kind)
			.containsExactly(ChainBreak.Kind.SEQ_GAP, ChainBreak.Kind.PREV_HASH_MISMATCH);
		assertThat(breaks()).allSatisfy((found) -> assertThat(found.actionId()).isEqualTo("a-3"));
	}

	@Test
	default void shouldDetectAnInsertedRowEvenWithAValidHash() {
		ingest(write("actions.jsonl", NativeRecords.action("a-1").json(), NativeRecords.action("a-2").json()));
		String firstHash = (String) rows("SELECT hash FROM agent_action WHERE id = 'a-1'").get(0).get("hash");
		Action forged = ActionHash.chain(
				new Action("a-forged", java.time.Instant.parse("2026-07-03T03:50:00Z"), "failover-agent", null,
						"PA-FAILOVER-007", "security_group.ingress.add", "sg-0a1b2c3d", "eu-west-1", "tcp", "22",
						"0.0.0.0/0", null, null, null, null, null, Action.Outcome.SUCCEEDED, null, 0, null, null),
				2, firstHash.trim());

		jdbi().useHandle((handle) -> {
			handle.execute("UPDATE agent_action SET seq = seq + 100 WHERE id = 'a-2'");
			handle.execute("UPDATE agent_action SET seq = 3 WHERE id = 'a-2'");
			handle.createUpdate("""
					INSERT INTO agent_action (id, occurred_at, agent, envelope_id, action_type, resource, region,
					    protocol, ports, cidr, seq, prev_hash, hash, chained_by)
					VALUES (:id, :occurredAt, :agent, :envelope, :type, :resource, :region, :protocol, :ports,
					    :cidr, :seq, :prevHash, :hash, 'ingest')""")
				.bind("id", forged.id())
				.bind("occurredAt", forged.occurredAt().atOffset(java.time.ZoneOffset.UTC))
				.bind("agent", forged.agent())
				.bind("envelope", forged.envelopeId())
				.bind("type", forged.type())
				.bind("resource", forged.resource())
				.bind("region", forged.region())
				.bind("protocol", forged.protocol())
				.bind("ports", forged.ports())
				.bind("cidr", forged.cidr())
				.bind("seq", forged.seq())
				.bind("prevHash", forged.prevHash())
				.bind("hash", forged.hash())
				.execute();
		});

		assertThat(breaks()).singleElement().satisfies((found) -> {
			assertThat(found.kind()).isEqualTo(ChainBreak.Kind.PREV_HASH_MISMATCH);
			assertThat(found.actionId()).isEqualTo("a-2");
		});
	}

	@Test
	default void shouldDetectReorderedRows() {
		ingest(write("actions.jsonl", NativeRecords.action("a-1").json(), NativeRecords.action("a-2").json(),
				NativeRecords.action("a-3").json()));

		jdbi().useHandle((handle) -> {
			handle.execute("UPDATE agent_action SET seq = 102 WHERE id = 'a-2'");
			handle.execute("UPDATE agent_action SET seq = 2 WHERE id = 'a-3'");
			handle.execute("UPDATE agent_action SET seq = 3 WHERE id = 'a-2'");
		});

		assertThat(breaks()).extracting(ChainBreak::kind)
			.containsExactly(ChainBreak.Kind.PREV_HASH_MISMATCH, ChainBreak.Kind.PREV_HASH_MISMATCH);
	}

	@Test
	default void shouldFindNoBreakInAnUntouchedChainAndCountTheRowsChecked() {
		ingest(write("actions.jsonl", NativeRecords.action("a-1").json(), NativeRecords.action("a-2").json()));

		List<ChainBreak> found = new ArrayList<>();
		long checked = verifier().verify(found::add);

		assertThat(checked).isEqualTo(2);
		assertThat(found).isEmpty();
	}

	@Test
	default void shouldRefuseToRunWhileAnotherIngestHoldsTheLockAndRunAfterwards() {
		Path file = write("actions.jsonl", NativeRecords.action("a-1").json());
		org.jdbi.v3.core.Handle other = jdbi().open();
		try {
			other.begin();
			other.createQuery("SELECT name FROM ingest_lock WHERE name = 'ingest' FOR UPDATE")
				.mapTo(String.class)
				.one();

			assertThatIllegalStateException().isThrownBy(() -> ingest(file))
				.withMessageStartingWith("another ingest is running against this database");
			assertThat(count("agent_action")).isZero();
		}
		finally {
			other.rollback();
			other.close();
		}
		assertThat(ingest(file).totals().stored()).isEqualTo(1);
	}

	private IngestReport ingest(Path file) {
		return ingester().ingest(List.of(IngestInput.file(file)), null, MAX_RECORD_BYTES);
	}

	private List<ChainBreak> breaks() {
		List<ChainBreak> found = new ArrayList<>();
		verifier().verify(found::add);
		return found;
	}

	private List<Map<String, Object>> rows(String sql) {
		return jdbi().withHandle((handle) -> handle.createQuery(sql).mapToMap().list()).stream().map((row) -> {
			Map<String, Object> trimmed = new java.util.HashMap<>(row);
			trimmed.replaceAll((key, value) -> (value instanceof String text) ? text.trim() : value);
			return trimmed;
		}).toList();
	}

	private java.time.Instant instant(String sql) {
		java.time.OffsetDateTime value = jdbi()
			.withHandle((handle) -> handle.createQuery(sql).mapTo(java.time.OffsetDateTime.class).one());
		return value.toInstant();
	}

	private long count(String table) {
		return jdbi()
			.withHandle((handle) -> handle.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
	}

	private Path write(String name, String... lines) {
		try {
			Path file = directory().resolve(name);
			Files.writeString(file, String.join("\n", lines) + "\n");
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Records of agent failover-agent chained by their source, seq from 1. */
	private static String[] sourceChain(String... ids) {
		String[] lines = new String[ids.length];
		String prevHash = ActionHash.GENESIS;
		for (int i = 0; i < ids.length; i++) {
			NativeRecords record = NativeRecords.action(ids[i]);
			Action action = NativeRecordParser
				.parse(JsonLinesReader
					.flatten(tools.jackson.databind.json.JsonMapper.builder().build().readTree(record.json())), 1, "")
				.action();
			String hash = ActionHash.hash(action, prevHash);
			lines[i] = record.with("seq", i + 1).with("prevHash", prevHash).with("hash", hash).json();
			prevHash = hash;
		}
		return lines;
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
