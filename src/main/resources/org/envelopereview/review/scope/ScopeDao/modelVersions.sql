-- Model versions the envelope's actions ran in the period (their first appearance comes from firstSeen.sql).
SELECT DISTINCT model_version
FROM agent_action
WHERE attributed_envelope_id = :envelope
  AND model_version IS NOT NULL
  AND occurred_at >= :start AND occurred_at < :end
ORDER BY model_version
