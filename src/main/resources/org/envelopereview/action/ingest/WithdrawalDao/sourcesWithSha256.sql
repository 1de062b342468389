SELECT id, source_name, sha256, started_at, withdrawal_id
FROM ingest_source
WHERE sha256 = :sha256 AND finished_at IS NOT NULL
ORDER BY id
