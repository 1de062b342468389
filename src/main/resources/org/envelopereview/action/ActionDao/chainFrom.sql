SELECT a.*, CAST(NULL AS VARCHAR(1024)) AS source_name
FROM agent_action a
WHERE a.agent = :agent AND a.seq >= :fromSeq
ORDER BY a.seq
