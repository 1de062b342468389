INSERT INTO ingest_source (source_name, source_format, started_at)
VALUES (:sourceName, :sourceFormat, :startedAt)
