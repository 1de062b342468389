SELECT COUNT(*) FROM agent_action WHERE ingest_source_id = ANY(:ids)
