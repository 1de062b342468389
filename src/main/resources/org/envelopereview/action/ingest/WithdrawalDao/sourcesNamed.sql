SELECT id, source_name, sha256, started_at, withdrawal_id
FROM ingest_source
WHERE source_name = :name AND finished_at IS NOT NULL AND sha256 IS NOT NULL
ORDER BY id
