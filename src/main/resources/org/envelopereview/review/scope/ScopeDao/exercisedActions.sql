-- Successful actions naming the envelope in the period: what its agents actually exercised.
SELECT action_type, resource, region, agent, cidr, ports
FROM agent_action
WHERE envelope_id = :envelope
  AND outcome = 'succeeded'
  AND occurred_at >= :start AND occurred_at < :end
