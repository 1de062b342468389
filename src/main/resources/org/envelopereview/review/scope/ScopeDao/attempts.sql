-- Every action naming the envelope in the period, failed attempts included.
SELECT COUNT(*)
FROM agent_action
WHERE envelope_id = :envelope
  AND occurred_at >= :start AND occurred_at < :end
