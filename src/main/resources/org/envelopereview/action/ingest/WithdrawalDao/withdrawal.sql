SELECT id, source_name, sha256, withdrawn_at, withdrawn_by, reason
FROM ingest_withdrawal
WHERE id = :id
