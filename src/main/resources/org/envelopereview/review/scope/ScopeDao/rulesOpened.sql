-- Permissive rules the envelope's agents opened before the period's end, with their first revert
-- (an opening-type action that itself reverts another restores a rule rather than adding one).
SELECT opened.id, opened.occurred_at, opened.action_type, opened.resource, opened.protocol, opened.ports,
       opened.cidr,
       (SELECT MIN(revert.occurred_at) FROM agent_action revert
         WHERE revert.reverts = opened.id AND revert.outcome = 'succeeded') AS reverted_at
FROM agent_action opened
WHERE opened.attributed_envelope_id = :envelope
  AND opened.outcome = 'succeeded'
  AND opened.occurred_at < :end
  AND opened.action_type IN (<openingTypes>)
  AND opened.reverts IS NULL
ORDER BY opened.occurred_at, opened.id
