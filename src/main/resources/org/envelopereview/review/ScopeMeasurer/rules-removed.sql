-- Removals (under any envelope or none) of rules on resources where the envelope opened rules.
SELECT removal.occurred_at, removal.action_type, removal.resource, removal.protocol, removal.ports, removal.cidr
FROM agent_action removal
WHERE removal.outcome = 'succeeded'
  AND removal.occurred_at < :end
  AND removal.action_type IN (<closingTypes>)
  AND removal.resource IN (SELECT opened.resource FROM agent_action opened
                            WHERE opened.envelope_id = :envelope AND opened.action_type IN (<openingTypes>))
ORDER BY removal.occurred_at, removal.id
