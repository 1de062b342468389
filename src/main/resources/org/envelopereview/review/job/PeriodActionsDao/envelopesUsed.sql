-- Envelope ids named by the period's actions, with how they were used.
SELECT envelope_id, COUNT(*) AS actions, MIN(id) AS first_action_id, MIN(occurred_at) AS first_at,
       MAX(occurred_at) AS last_at
FROM agent_action
WHERE envelope_id IS NOT NULL AND envelope_id <> ''
  AND occurred_at >= :start AND occurred_at < :end
GROUP BY envelope_id
ORDER BY envelope_id
