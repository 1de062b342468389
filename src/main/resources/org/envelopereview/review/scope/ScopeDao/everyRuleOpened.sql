-- rulesOpened.sql for every envelope at once: the permissive rules opened under any envelope before
-- the end, with their first revert, an envelope's rules together (in no order among themselves: the
-- timeline counts them alike in any order).
SELECT opened.attributed_envelope_id, opened.id, opened.occurred_at, opened.action_type, opened.resource,
       opened.protocol, opened.ports, opened.cidr,
       (SELECT MIN(revert.occurred_at) FROM agent_action revert
         WHERE revert.reverts = opened.id AND revert.outcome = 'succeeded') AS reverted_at
FROM agent_action opened
WHERE opened.attributed_envelope_id IS NOT NULL
  AND opened.outcome = 'succeeded'
  AND opened.occurred_at < :end
  AND opened.action_type IN (<openingTypes>)
  AND opened.reverts IS NULL
ORDER BY opened.attributed_envelope_id
