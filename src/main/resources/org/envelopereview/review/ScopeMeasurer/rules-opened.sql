-- Permissive rules the envelope's agents opened before the period's end, with their first revert.
SELECT opened.id, opened.occurred_at, opened.action_type, opened.resource, opened.protocol, opened.ports,
       opened.cidr,
       (SELECT MIN(revert.occurred_at) FROM agent_action revert
         WHERE revert.reverts = opened.id AND revert.outcome = 'succeeded') AS reverted_at
FROM agent_action opened
WHERE opened.envelope_id = :envelope
  AND opened.outcome = 'succeeded'
  AND opened.occurred_at < :end
  AND opened.action_type IN (<openingTypes>)
ORDER BY opened.occurred_at, opened.id
