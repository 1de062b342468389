package org.envelopereview.action.ingest;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IngestFormatTests {

	@ParameterizedTest(name = "{0} -> {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
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
					{"insertId":"-x","logName":"projects/p/logs/cloudaudit.googleapis.com%2Factivity"} | sink.json | GCP_AUDIT
					'[\n  {\n    "insertId": "-x",\n    "logName": "projects/p/logs/x",' | gcloud.json | GCP_AUDIT
					'{"entries":[{"insertId":"-x"}]}'                              | entries.json  | GCP_AUDIT
					{"ackId":"a","message":{"data":"e30="}}                        | pull.jsonl    | GCP_AUDIT
					'[{"authorization":{},"caller":"a@b","eventDataId":"e-1"}]'    | az.json       | AZURE_ACTIVITY
					'{"records":[{"time":"2026-07-03T03:47:00Z"}]}'                | PT1H.json     | AZURE_ACTIVITY
					{"time":"2026-07-03T03:47:00Z","resourceId":"/x","operationName":"MICROSOFT.NETWORK/X/WRITE"} | PT1H.json | AZURE_ACTIVITY
					{"TimeGenerated":"2026-07-03T03:47:00Z","OperationNameValue":"X"} | la.jsonl   | AZURE_ACTIVITY
					'{"value":[{"eventDataId":"e-1"}]}'                            | rest.json     | AZURE_ACTIVITY
					'[{"eventVersion":"1.08","requestParameters":{"operationName":"x"}}]' | ct.json | CLOUDTRAIL
					''                                                             | actions.jsonl | JSONL
					''                                                             | actions.csv   | CSV
					""")
	void shouldDetectTheFormatFromTheFirstBytesAndTheName(String head, String name, IngestFormat expected) {
		byte[] bytes = head.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);

		assertThat(IngestFormat.detect(bytes, bytes.length, name)).isEqualTo(expected);
	}

}
