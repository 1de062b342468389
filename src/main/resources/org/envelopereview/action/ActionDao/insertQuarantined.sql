INSERT INTO quarantined_record (ingest_source_id, source_name, line_number, record_id, occurred_at, reason,
    raw_text, raw_truncated, raw_sha256, quarantined_at)
SELECT :ingestSourceId, :sourceName, :lineNumber, :recordId, :occurredAt, :reason,
    :rawText, :rawTruncated, :rawSha256, :quarantinedAt
WHERE NOT EXISTS (
    SELECT 1 FROM quarantined_record q
    WHERE q.source_name = :sourceName AND q.line_number = :lineNumber AND q.raw_sha256 = :rawSha256
      AND q.withdrawal_id IS NULL
)
