SELECT a.*, s.source_name
FROM agent_action a
LEFT JOIN ingest_source s ON s.id = a.ingest_source_id
WHERE a.id = ANY(:ids)
