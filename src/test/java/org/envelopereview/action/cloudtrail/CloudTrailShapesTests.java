package org.envelopereview.action.cloudtrail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.envelopereview.action.Action;
import org.envelopereview.action.RecordSink;
import org.envelopereview.action.SourceRecord;
import org.envelopereview.action.UnrecognisedInputException;
import org.envelopereview.action.ingest.RecordingSink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shapes CloudTrail is exported in, each built from the same real capture
 * (src/test/resources/realdata, see SOURCES.md there), give the same actions.
 */
class CloudTrailShapesTests {

	static final String RECORDS_FILE = "/realdata/218007301253_CloudTrail_us-east-1_20230710T1215Z_YMDRJwtmC82bUwAo.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void shouldReadAPlainJsonArrayOfEventsAsTheRecordsFileItCameFrom() throws IOException {
		RecordingSink fromRecords = read(resource(RECORDS_FILE));

		RecordingSink fromArray = read(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(records()));

		assertThat(fromArray.actions()).isNotEmpty().isEqualTo(fromRecords.actions());
		assertThat(fromArray.skipped).isEqualTo(fromRecords.skipped);
		assertThat(fromArray.notReviewed).isEqualTo(fromRecords.notReviewed);
		assertThat(fromArray.quarantined).isEmpty();
	}

	@Test
	void shouldReadTheLookupEventsResponseWhoseEventsAreJsonStrings() throws IOException {
		ObjectNode response = JSON.createObjectNode();
		ArrayNode events = response.putArray("Events");
		for (JsonNode record : records()) {
			ObjectNode entry = events.addObject();
			entry.put("EventId", record.path("eventID").asString());
			entry.put("EventName", record.path("eventName").asString());
			entry.put("CloudTrailEvent", record.toString());
		}
		response.put("NextToken", "abc");

		RecordingSink sink = read(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(response));

		assertThat(sink.actions()).isEqualTo(read(resource(RECORDS_FILE)).actions());
		assertThat(sink.quarantined).isEmpty();
	}

	@Test
	void shouldReadEventBridgeEventsOnePerLineAndInAnArray() throws IOException {
		StringBuilder lines = new StringBuilder();
		ArrayNode array = JSON.createArrayNode();
		for (JsonNode record : records()) {
			ObjectNode wrapped = JSON.createObjectNode();
			wrapped.put("version", "0");
			wrapped.put("id", "eb-" + record.path("eventID").asString());
			wrapped.put("detail-type", "AWS API Call via CloudTrail");
			wrapped.put("source", "aws." + record.path("eventSource").asString().split("\\.")[0]);
			wrapped.put("time", record.path("eventTime").asString());
			wrapped.set("detail", record);
			lines.append(wrapped).append('\n');
			array.add(wrapped);
		}
		List<Action> expected = read(resource(RECORDS_FILE)).actions();

		RecordingSink fromLines = read(lines.toString());
		RecordingSink fromArray = read(array.toString());

		assertThat(fromLines.actions()).isEqualTo(expected);
		assertThat(fromArray.actions()).isEqualTo(expected);
		assertThat(fromLines.quarantined).isEmpty();
		assertThat(fromArray.quarantined).isEmpty();
	}

	@Test
	void shouldReadAPrettyPrintedSingleEvent() throws IOException {
		JsonNode deleteSecurityGroup = records().get(records().size() - 1);
		for (JsonNode record : records()) {
			if ("DeleteSecurityGroup".equals(record.path("eventName").asString())) {
				deleteSecurityGroup = record;
			}
		}

		RecordingSink sink = read(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(deleteSecurityGroup));

		assertThat(sink.actions()).extracting(Action::type).containsExactly("security_group.delete");
	}

	@Test
	void shouldRejectOnceAFileOfNoShapeNamingTheAcceptedShapes() {
		assertThatExceptionOfType(UnrecognisedInputException.class)
			.isThrownBy(() -> read("id,occurredAt,agent\na-1,2026-07-03T03:47:00Z,x\n"))
			.withMessage("fits none of the CloudTrail shapes (line 1 is not JSON); " + CloudTrailReader.ACCEPTED_SHAPES)
			.withMessageNotContaining("Source")
			.withMessageNotContaining("jackson");
		assertThatExceptionOfType(UnrecognisedInputException.class)
			.isThrownBy(() -> read("[{\"id\":\"a-1\",\"agent\":\"x\"},{\"id\":\"a-2\"}]"))
			.withMessageStartingWith("fits none of the CloudTrail shapes (the first record has no eventName)");
		assertThatExceptionOfType(UnrecognisedInputException.class).isThrownBy(() -> read("[1, 2, 3]"))
			.withMessageStartingWith("fits none of the CloudTrail shapes (the first record is a number, not an event)");
		assertThatExceptionOfType(UnrecognisedInputException.class).isThrownBy(() -> read("[{\"eventName\": ]"))
			.withMessageStartingWith("fits none of the CloudTrail shapes (not valid JSON at line 1, column");
	}

	@Test
	void shouldQuarantineAnElementOfAnArrayLongerThanTheLimitWithItsBeginningAndReadTheNext() throws IOException {
		ArrayNode array = JSON.createArrayNode();
		List<JsonNode> records = records();
		ObjectNode big = (ObjectNode) records.get(0).deepCopy();
		ArrayNode padding = big.putArray("padding");
		for (int i = 0; i < 5_000; i++) {
			padding.add("x".repeat(10));
		}
		array.add(big);
		records.stream().skip(1).forEach(array::add);
		RecordingSink sink = new RecordingSink();

		new CloudTrailReader(20_000, new CloudTrailMapper(Map.of()))
			.read(new ByteArrayInputStream(array.toString().getBytes(StandardCharsets.UTF_8)), sink);

		assertThat(sink.quarantined).singleElement().satisfies((bad) -> {
			assertThat(bad.reason())
				.matches("record is \\d+ bytes, longer than the limit of 20000 \\(--max-record-bytes\\)");
			assertThat(bad.raw()).startsWith(records.get(0).toString().substring(0, 100))
				.hasSizeLessThanOrEqualTo(16_000);
		});
		assertThat(sink.actions()).isEqualTo(read(resource(RECORDS_FILE)).actions());
	}

	@Test
	void shouldStopAtAValueLongerThanTheLimitWithoutHoldingIt() throws IOException {
		ArrayNode array = JSON.createArrayNode();
		List<JsonNode> records = records();
		array.add(records.get(0));
		ObjectNode big = (ObjectNode) records.get(1).deepCopy();
		big.put("padding", "x".repeat(100_000));
		array.add(big);
		RecordingSink sink = new RecordingSink();

		new CloudTrailReader(20_000, new CloudTrailMapper(Map.of()))
			.read(new ByteArrayInputStream(array.toString().getBytes(StandardCharsets.UTF_8)), sink);

		assertThat(sink.accepted.size() + sink.skipped.size() + sink.notReviewed.size()).isEqualTo(1);
		assertThat(sink.quarantined).singleElement()
			.satisfies((bad) -> assertThat(bad.reason())
				.startsWith(
						"a value longer than 4 times the limit of 20000 " + "(--max-record-bytes) at line 1, column ")
				.endsWith("the rest of the file, from here, could not be read"));
	}

	@Test
	void shouldStreamAJsonArrayElementByElementNeverReadingFarAheadOfTheEventsHandedOn() throws IOException {
		byte[] event = (records().get(5).toString() + ",").getBytes(StandardCharsets.UTF_8);
		int events = 5_000;
		long[] handedOn = { 0 };
		RecordSink counting = new RecordSink() {

			@Override
			public void accept(List<SourceRecord> records) {
				handedOn[0]++;
			}

			@Override
			public void quarantine(long line, String raw, String reason, String recordId, Instant occurredAt) {
				handedOn[0]++;
			}

			@Override
			public void skip(String name) {
				handedOn[0]++;
			}

			@Override
			public void notReviewed(String name) {
				handedOn[0]++;
			}

		};
		InputStream generated = new InputStream() {

			private long position = -1;

			private final long end = (long) events * event.length;

			@Override
			public int read() {
				if (this.position - handedOn[0] * event.length > 256 * 1024) {
					throw new AssertionError(
							"read " + this.position + " bytes with " + handedOn[0] + " events handed on");
				}
				if (this.position < 0) {
					this.position++;
					return '[';
				}
				if (this.position >= this.end) {
					return (this.position++ == this.end) ? ']' : -1;
				}
				int at = (int) (this.position++ % event.length);
				// the last event has no comma after it
				return (this.position == this.end && at == event.length - 1) ? ' ' : event[at];
			}

		};

		new CloudTrailReader(1_048_576, new CloudTrailMapper(Map.of())).read(generated, counting);

		assertThat(handedOn[0]).isEqualTo(events);
	}

	private static List<JsonNode> records() throws IOException {
		List<JsonNode> records = new java.util.ArrayList<>();
		JSON.readTree(resource(RECORDS_FILE)).path("Records").forEach(records::add);
		return records;
	}

	private static String resource(String name) throws IOException {
		try (InputStream input = CloudTrailShapesTests.class.getResourceAsStream(name)) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static RecordingSink read(String text) throws IOException {
		RecordingSink sink = new RecordingSink();
		new CloudTrailReader(1_048_576, new CloudTrailMapper(Map.of()))
			.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sink);
		return sink;
	}

}
