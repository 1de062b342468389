UPDATE quarantined_record SET withdrawal_id = :withdrawalId
WHERE ingest_source_id = ANY(:ids) AND withdrawal_id IS NULL
