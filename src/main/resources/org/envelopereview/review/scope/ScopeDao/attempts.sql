-- Every action under the envelope (claimed or attributed) in the period, failed attempts included.
SELECT COUNT(*)
FROM agent_action
WHERE attributed_envelope_id = :envelope
  AND occurred_at >= :start AND occurred_at < :end
