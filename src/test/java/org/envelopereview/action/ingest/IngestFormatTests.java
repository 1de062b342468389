package org.envelopereview.action.ingest;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IngestFormatTests {

	@ParameterizedTest(name = "{0} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			{"Records":[{"eventVersion":"1.08"}]}                          | trail.json    | CLOUDTRAIL
			'  {\\n  "Records" : ['                                        | trail.json    | CLOUDTRAIL
			{"eventVersion":"1.08","eventName":"CreateRoute"}              | events.jsonl  | CLOUDTRAIL
			{"EventId":"x","EventName":"RunInstances","CloudTrailEvent":"{}"} | lookup.jsonl | CLOUDTRAIL
			'[{"eventVersion":"1.08","eventName":"CreateRoute"}]'          | export.json   | CLOUDTRAIL
			'[\n  {\n    "eventVersion": "1.08",'                         | export.csv    | CLOUDTRAIL
			'[]'                                                           | actions.csv   | CLOUDTRAIL
			'{\n  "Events": [\n'                                          | lookup.json   | CLOUDTRAIL
			'{"NextToken":"x","Events":[]}'                                | lookup.json   | CLOUDTRAIL
			'{"version":"0","detail-type":"AWS API Call via CloudTrail"}'  | eb.jsonl      | CLOUDTRAIL
			'{\n  "version": "0",\n  "detail-type": "AWS API Call via CloudTrail",' | eb.json | CLOUDTRAIL
			'{\n  "id": "a-1",\n  "agent": "x"'                            | actions.json  | JSONL
			{"id":"a-1","occurredAt":"2026-07-03T03:47:00Z"}               | actions.json  | JSONL
			{"id":"a-1","rationale":{"signal":"eventName mentioned"}}     | actions.jsonl | JSONL
			id,occurredAt,agent                                            | actions.csv   | CSV
			id,occurredAt,agent                                            | actions.txt   | CSV
			''                                                             | actions.jsonl | JSONL
			''                                                             | actions.csv   | CSV
			""")
	void shouldDetectTheFormatFromTheFirstBytesAndTheName(String head, String name, IngestFormat expected) {
		byte[] bytes = head.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);

		assertThat(IngestFormat.detect(bytes, bytes.length, name)).isEqualTo(expected);
	}

}
