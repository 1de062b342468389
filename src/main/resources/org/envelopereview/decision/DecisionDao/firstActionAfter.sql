-- The first action naming the envelope strictly after one instant and before another.
SELECT id, occurred_at
  FROM agent_action
 WHERE envelope_id = :envelope
   AND occurred_at > :after
   AND occurred_at < :before
 ORDER BY occurred_at, id
 LIMIT 1
