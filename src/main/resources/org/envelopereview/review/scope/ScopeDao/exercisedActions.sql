-- Successful actions under the envelope (claimed or attributed) in the period: what its agents actually exercised.
SELECT action_type, resource, region, agent, cidr, ports
FROM agent_action
WHERE attributed_envelope_id = :envelope
  AND outcome = 'succeeded'
  AND occurred_at >= :start AND occurred_at < :end
