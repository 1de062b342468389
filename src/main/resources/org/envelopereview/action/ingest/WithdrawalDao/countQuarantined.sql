SELECT COUNT(*) FROM quarantined_record WHERE ingest_source_id = ANY(:ids) AND withdrawal_id IS NULL
