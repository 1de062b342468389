-- For each agent, the first seq the sources stored; then every row of that agent after it that the
-- sources did not store: it chains (directly or through others) onto a row the withdrawal would remove.
SELECT a.agent, w.first_seq, a.seq, a.id AS action_id, s.source_name, s.sha256
FROM (
    SELECT agent, MIN(seq) AS first_seq
    FROM agent_action
    WHERE ingest_source_id = ANY(:ids)
    GROUP BY agent
) w
JOIN agent_action a ON a.agent = w.agent AND a.seq > w.first_seq
LEFT JOIN ingest_source s ON s.id = a.ingest_source_id
WHERE a.ingest_source_id IS NULL OR NOT (a.ingest_source_id = ANY(:ids))
ORDER BY a.agent, a.seq
LIMIT 20
