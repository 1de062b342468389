SELECT COUNT(*) > 0
FROM ingest_source
WHERE sha256 = :sha256 AND id <> :id AND finished_at IS NOT NULL AND withdrawal_id IS NULL
