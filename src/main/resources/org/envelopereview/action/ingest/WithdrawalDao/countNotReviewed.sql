SELECT COALESCE(SUM(events), 0) FROM not_reviewed_event WHERE ingest_source_id = ANY(:ids)
