UPDATE ingest_source
SET sha256 = :sha256, records_read = :read, stored = :stored, duplicates = :duplicates,
    quarantined = :quarantined, skipped = :skipped, failed_attempts = :failedAttempts,
    chain_breaks = :chainBreaks, skipped_names = :skippedNames, finished_at = :finishedAt
WHERE id = :id
