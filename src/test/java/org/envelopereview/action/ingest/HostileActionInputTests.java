package org.envelopereview.action.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionRecordReader;
import org.envelopereview.action.ActionTypes;
import org.envelopereview.action.UnrecognisedInputException;
import org.envelopereview.action.cloudtrail.CloudTrailMapper;
import org.envelopereview.action.cloudtrail.CloudTrailReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Property-style tests of the three readers against hostile and malformed input: random
 * bytes, truncated records, hostile field values, deep nesting, huge lines, bytes that
 * are not UTF-8. Each property runs over a seeded {@link Random} (the case number is in
 * the failure message) and the counts of inputs tried are printed for SECURITY.md.
 *
 * <p>
 * The guarantees: a reader never throws on bad records; every record is either accepted
 * exactly as given or quarantined with a reason; no accepted action carries a control or
 * bidirectional-override character, nor text decoded from bytes that were not UTF-8.
 */
class HostileActionInputTests {

	private static final int CASES = 1000;

	private static final int LIMIT = 4096;

	private static final Map<String, Integer> TRIED = new TreeMap<>();

	private static final List<String> TEXT_FIELDS = List.of("id", "agent", "modelVersion", "envelope", "resource",
			"region", "protocol", "rationale.signal", "rationale.text", "approval.ref", "approval.approver",
			"changeRef", "reverts", "errorCode");

	@AfterAll
	static void printCounts() {
		TRIED.forEach((property, count) -> System.out.println("HOSTILE-INPUT " + property + ": " + count + " inputs"));
	}

	@Test
	void shouldAcceptOrQuarantineEveryLineOfRandomBytesAsJsonLines() {
		Random random = new Random(20260701L);
		for (int i = 0; i < CASES; i++) {
			byte[] input = HostileInput.bytes(random, 600);
			RecordingSink sink = read(new JsonLinesReader(LIMIT), input, "jsonl random bytes #" + i);
			assertEveryLineAccountedFor(input, sink, "jsonl random bytes #" + i);
			assertCleanActions(sink, "jsonl random bytes #" + i);
		}
		TRIED.merge("jsonl random bytes", CASES, Integer::sum);
	}

	@Test
	void shouldStoreAHostileFieldValueExactlyOrQuarantineItNamingTheField() {
		Random random = new Random(20260702L);
		for (int i = 0; i < CASES; i++) {
			String field = TEXT_FIELDS.get(random.nextInt(TEXT_FIELDS.size()));
			String value = HostileInput.nasty(random) + ((random.nextBoolean()) ? "" : HostileInput.text(random, 8));
			String line = NativeRecords.action("h-" + i).with(field, value).json();
			RecordingSink sink = read(new JsonLinesReader(LIMIT), line.getBytes(StandardCharsets.UTF_8),
					"hostile " + field + " #" + i);
			assertOneOutcome(sink, "hostile " + field + " #" + i);
			if (!sink.accepted.isEmpty()) {
				TRIED.merge("jsonl hostile field values (accepted verbatim)", 1, Integer::sum);
				assertThat(fieldOf(sink.actions().get(0), field)).as("hostile %s #%d", field, i)
					.isEqualTo(value.isEmpty() ? null : value);
			}
			else {
				assertThat(sink.quarantined.get(0).reason()).as("hostile %s #%d", field, i)
					.containsAnyOf(field, "missing");
			}
			assertCleanActions(sink, "hostile " + field + " #" + i);
		}
		TRIED.merge("jsonl hostile field values", CASES, Integer::sum);
	}

	@Test
	void shouldQuarantineANulByteNamingTheFieldAndPosition() {
		String line = NativeRecords.action("nul-1").with("rationale.text", "ok\u0000hidden").json();

		RecordingSink sink = read(new JsonLinesReader(LIMIT), line.getBytes(StandardCharsets.UTF_8), "nul");

		assertThat(sink.accepted).isEmpty();
		assertThat(sink.quarantined).singleElement()
			.satisfies((q) -> assertThat(q.reason())
				.isEqualTo("rationale.text holds the control character U+0000 at position 3"));
	}

	@Test
	void shouldQuarantineARightToLeftOverrideThatWouldDisguiseAResourceName() {
		String line = NativeRecords.action("rlo-1").with("resource", "sg-\u202Efdc3").json();

		RecordingSink sink = read(new JsonLinesReader(LIMIT), line.getBytes(StandardCharsets.UTF_8), "rlo");

		assertThat(sink.accepted).isEmpty();
		assertThat(sink.quarantined).singleElement()
			.satisfies((q) -> assertThat(q.reason())
				.contains("resource holds the bidirectional control character U+202E"));
	}

	@Test
	void shouldAcceptRightToLeftScriptsTabsAndLineBreaksInText() {
		String text = "שלום עולם — مرحبا\tsecond line\nthird";
		String line = NativeRecords.action("rtl-1").with("rationale.text", text).json();

		RecordingSink sink = read(new JsonLinesReader(LIMIT), line.getBytes(StandardCharsets.UTF_8), "rtl");

		assertThat(sink.quarantined).isEmpty();
		assertThat(sink.actions()).singleElement()
			.satisfies((action) -> assertThat(action.rationale().text()).isEqualTo(text));
	}

	@Test
	void shouldQuarantineAFieldHoldingBytesThatAreNotUtf8() throws IOException {
		Random random = new Random(20260703L);
		for (int i = 0; i < CASES; i++) {
			String field = TEXT_FIELDS.get(random.nextInt(TEXT_FIELDS.size()));
			String marker = "\u0001MARK\u0001";
			String line = NativeRecords.action("u-" + i).with(field, "x" + marker + "y").json();
			byte[] bad = new byte[1 + random.nextInt(3)];
			for (int b = 0; b < bad.length; b++) {
				bad[b] = (byte) (0x80 + random.nextInt(0x80));
			}
			String escapedMarker = "\\u0001MARK\\u0001";
			int at = line.indexOf(escapedMarker);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			bytes.write(line.substring(0, at).getBytes(StandardCharsets.UTF_8));
			bytes.write(bad);
			bytes.write(line.substring(at + escapedMarker.length()).getBytes(StandardCharsets.UTF_8));
			byte[] input = bytes.toByteArray();
			if (HostileInput.isUtf8(input)) {
				continue;
			}
			RecordingSink sink = read(new JsonLinesReader(LIMIT), input, "not utf-8 in " + field + " #" + i);
			assertOneOutcome(sink, "not utf-8 #" + i);
			assertThat(sink.accepted).as("not utf-8 in %s #%d", field, i).isEmpty();
			assertThat(sink.quarantined.get(0).reason()).as("not utf-8 #%d", i).containsIgnoringCase("UTF-8");
		}
		TRIED.merge("jsonl bytes not UTF-8", CASES, Integer::sum);
	}

	@Test
	void shouldQuarantineEveryTruncatedRecord() {
		Random random = new Random(20260704L);
		for (int i = 0; i < CASES; i++) {
			String line = NativeRecords.action("t-" + i).json();
			String cut = line.substring(0, 1 + random.nextInt(line.length() - 1));
			RecordingSink sink = read(new JsonLinesReader(LIMIT), cut.getBytes(StandardCharsets.UTF_8),
					"truncated #" + i);
			if (cut.isBlank()) {
				continue;
			}
			assertThat(sink.accepted).as("truncated at %d: %s", cut.length(), cut).isEmpty();
			assertThat(sink.quarantined).as("truncated #%d", i).singleElement();
		}
		TRIED.merge("jsonl truncated records", CASES, Integer::sum);
	}

	@Test
	void shouldQuarantineDeeplyNestedJsonWithoutOverflowingTheStack() {
		int tried = 0;
		for (int depth : new int[] { 100, 1_000, 5_000, 50_000, 200_000 }) {
			for (boolean objects : new boolean[] { true, false }) {
				String line = "{\"id\":\"n-" + depth + "\",\"rationale\":" + HostileInput.nested(depth, objects) + "}";
				RecordingSink sink = read(new JsonLinesReader(2 * 1_048_576), line.getBytes(StandardCharsets.UTF_8),
						"nested " + depth);
				assertThat(sink.accepted).as("nested %d", depth).isEmpty();
				assertThat(sink.quarantined).as("nested %d", depth).singleElement();
				String cloudTrail = "{\"Records\":[" + HostileInput.nested(depth, objects) + "]}";
				RecordingSink events = read(cloudTrailReader(2 * 1_048_576),
						cloudTrail.getBytes(StandardCharsets.UTF_8), "cloudtrail nested " + depth);
				assertThat(events.accepted).as("cloudtrail nested %d", depth).isEmpty();
				tried += 2;
			}
		}
		TRIED.merge("deeply nested JSON", tried, Integer::sum);
	}

	@Test
	void shouldQuarantineHugeLinesAndReadTheLinesAfterThem() {
		Random random = new Random(20260705L);
		int tried = 0;
		for (int i = 0; i < 200; i++) {
			int length = LIMIT - 50 + random.nextInt(3 * LIMIT);
			String huge = NativeRecords.action("big-" + i).with("rationale.text", "x".repeat(length)).json();
			String next = NativeRecords.action("after-" + i).json();
			RecordingSink sink = read(new JsonLinesReader(LIMIT),
					(huge + "\n" + next + "\n").getBytes(StandardCharsets.UTF_8), "huge #" + i);
			assertThat(sink.actions()).extracting(Action::id).as("huge #%d", i).contains("after-" + i);
			if (huge.length() > LIMIT) {
				assertThat(sink.quarantined).as("huge #%d", i)
					.singleElement()
					.satisfies((q) -> assertThat(q.reason()).contains("longer than the limit"));
			}
			tried++;
		}
		TRIED.merge("huge lines", tried, Integer::sum);
	}

	@Test
	void shouldAcceptOrQuarantineRandomCsvRowsAfterAValidHeader() {
		Random random = new Random(20260706L);
		for (int i = 0; i < CASES; i++) {
			ByteArrayOutputStream input = new ByteArrayOutputStream();
			input.writeBytes((NativeRecords.csvHeader() + "\n").getBytes(StandardCharsets.UTF_8));
			int kind = random.nextInt(3);
			if (kind == 0) {
				input.writeBytes(HostileInput.bytes(random, 600));
			}
			else {
				String field = TEXT_FIELDS.get(random.nextInt(TEXT_FIELDS.size()));
				String row = NativeRecords.action("c-" + i).with(field, HostileInput.nasty(random)).csvRow();
				input.writeBytes(((kind == 1) ? row : row.substring(0, random.nextInt(row.length())))
					.getBytes(StandardCharsets.UTF_8));
			}
			RecordingSink sink = read(new CsvRecordReader(LIMIT), input.toByteArray(), "csv #" + i);
			assertCleanActions(sink, "csv #" + i);
			assertThat(sink.quarantined).allSatisfy((q) -> assertThat(q.reason()).isNotBlank());
		}
		TRIED.merge("csv random, hostile and truncated rows", CASES, Integer::sum);
	}

	@Test
	void shouldAcceptOrQuarantineRandomCloudTrailEvents() {
		Random random = new Random(20260707L);
		for (int i = 0; i < CASES; i++) {
			String event = cloudTrailEvent(random, i);
			byte[] input;
			int kind = random.nextInt(4);
			if (kind == 0) {
				input = ("{\"Records\":[" + event + "]}").getBytes(StandardCharsets.UTF_8);
			}
			else if (kind == 1) {
				String records = "{\"Records\":[" + event + "," + event.replace("\"ev-", "\"ev2-") + "]}";
				input = records.substring(0, random.nextInt(records.length())).getBytes(StandardCharsets.UTF_8);
			}
			else if (kind == 2) {
				input = concat("{\"Records\":[".getBytes(StandardCharsets.UTF_8), HostileInput.bytes(random, 400));
			}
			else {
				input = (event + "\n").getBytes(StandardCharsets.UTF_8);
			}
			RecordingSink sink = read(cloudTrailReader(LIMIT), input, "cloudtrail #" + i);
			assertCleanActions(sink, "cloudtrail #" + i);
			assertThat(sink.actions()).allSatisfy((action) -> assertThat(ActionTypes.isKnown(action.type())).isTrue());
			assertThat(sink.quarantined).allSatisfy((q) -> assertThat(q.reason()).isNotBlank());
		}
		TRIED.merge("cloudtrail random, hostile and truncated events", CASES, Integer::sum);
	}

	/** A security-group event with hostile values in random places. */
	private static String cloudTrailEvent(Random random, int i) {
		Function<String, String> maybe = (value) -> (random.nextInt(4) == 0) ? HostileInput.nasty(random) : value;
		Map<String, Object> permission = Map.of("ipProtocol", maybe.apply("tcp"), "fromPort", 443, "toPort", 443,
				"ipRanges", Map.of("items", List.of(Map.of("cidrIp", maybe.apply("10.0.0.0/24")))));
		Map<String, Object> event = new TreeMap<>();
		event.put("eventID", "ev-" + i + maybe.apply(""));
		event.put("eventTime", maybe.apply("2026-07-03T03:47:00Z"));
		event.put("eventName", (random.nextInt(5) == 0) ? HostileInput.nasty(random) : "AuthorizeSecurityGroupIngress");
		event.put("awsRegion", maybe.apply("eu-west-1"));
		event.put("userIdentity", Map.of("type", "AssumedRole", "arn",
				"arn:aws:sts::123456789012:assumed-role/agent/" + maybe.apply("failover-agent")));
		event.put("requestParameters",
				Map.of("groupId", maybe.apply("sg-0a1b2c3d"), "ipPermissions", Map.of("items", List.of(permission))));
		if (random.nextInt(6) == 0) {
			event.put("errorCode", maybe.apply("Client.UnauthorizedOperation"));
		}
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(event);
	}

	private static CloudTrailReader cloudTrailReader(int limit) {
		return new CloudTrailReader(limit, new CloudTrailMapper(Map.of()));
	}

	private static RecordingSink read(ActionRecordReader reader, byte[] input, String description) {
		RecordingSink sink = new RecordingSink();
		assertThatCode(() -> {
			try {
				reader.read(new ByteArrayInputStream(input), sink);
			}
			catch (UnrecognisedInputException ex) {
				// rejected whole: its first record fits no shape, nothing half-read
				assertThat(ex.getMessage()).as(description).startsWith("fits none of the CloudTrail shapes");
				assertThat(sink.accepted).as(description).isEmpty();
			}
		}).as(description).doesNotThrowAnyException();
		return sink;
	}

	private static void assertOneOutcome(RecordingSink sink, String description) {
		assertThat(sink.accepted.size() + sink.quarantined.size()).as(description).isEqualTo(1);
	}

	/**
	 * Every non-blank line is accepted or quarantined, and one that is not UTF-8 is never
	 * accepted.
	 */
	private static void assertEveryLineAccountedFor(byte[] input, RecordingSink sink, String description) {
		List<byte[]> lines = lines(input);
		int nonBlank = 0;
		List<Long> notUtf8 = new ArrayList<>();
		for (int n = 0; n < lines.size(); n++) {
			String text = new String(lines.get(n), StandardCharsets.UTF_8);
			if (text.startsWith("\uFEFF") && n == 0) {
				text = text.substring(1);
			}
			if (!text.isBlank()) {
				nonBlank++;
				if (!HostileInput.isUtf8(lines.get(n))) {
					notUtf8.add((long) n + 1);
				}
			}
		}
		assertThat(sink.accepted.size() + sink.quarantined.size()).as(description).isEqualTo(nonBlank);
		assertThat(sink.lines()).as(description).noneMatch(notUtf8::contains);
	}

	private static List<byte[]> lines(byte[] input) {
		List<byte[]> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= input.length; i++) {
			if (i == input.length || input[i] == '\n') {
				int end = i;
				if (end > start && input[end - 1] == '\r') {
					end--;
				}
				if (i < input.length || end > start) {
					lines.add(java.util.Arrays.copyOfRange(input, start, end));
				}
				start = i + 1;
			}
		}
		return lines;
	}

	private static void assertCleanActions(RecordingSink sink, String description) {
		for (Action action : sink.actions()) {
			for (String field : TEXT_FIELDS) {
				assertThat(HostileInput.hasForbiddenCharacter(fieldOf(action, field)))
					.as("%s: field %s of %s holds a control or bidi character", description, field, action.id())
					.isFalse();
			}
		}
	}

	private static String fieldOf(Action action, String field) {
		return switch (field) {
			case "id" -> action.id();
			case "agent" -> action.agent();
			case "modelVersion" -> action.modelVersion();
			case "envelope" -> action.envelopeId();
			case "resource" -> action.resource();
			case "region" -> action.region();
			case "protocol" -> action.protocol();
			case "rationale.signal" -> action.rationale().signal();
			case "rationale.text" -> action.rationale().text();
			case "approval.ref" -> action.approval().ref();
			case "approval.approver" -> action.approval().approver();
			case "changeRef" -> action.changeRef();
			case "reverts" -> action.reverts();
			case "errorCode" -> action.errorCode();
			default -> throw new IllegalArgumentException(field);
		};
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

}
