SELECT a.*, CAST(NULL AS VARCHAR(1024)) AS source_name
FROM agent_action a
ORDER BY a.agent, a.seq
