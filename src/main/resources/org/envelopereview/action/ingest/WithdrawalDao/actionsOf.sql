SELECT a.*, CAST(NULL AS VARCHAR(1024)) AS source_name
FROM agent_action a
WHERE a.ingest_source_id = ANY(:ids)
ORDER BY a.agent, a.seq
