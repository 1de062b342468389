UPDATE ingest_source SET withdrawal_id = :withdrawalId WHERE id = ANY(:ids)
