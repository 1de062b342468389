-- Envelope ids the period's actions are under (claimed, or attributed by principal), with how
-- they were used.
SELECT attributed_envelope_id AS envelope_id, COUNT(*) AS actions, MIN(id) AS first_action_id,
       MIN(occurred_at) AS first_at, MAX(occurred_at) AS last_at
FROM agent_action
WHERE attributed_envelope_id IS NOT NULL
  AND occurred_at >= :start AND occurred_at < :end
GROUP BY attributed_envelope_id
ORDER BY attributed_envelope_id
