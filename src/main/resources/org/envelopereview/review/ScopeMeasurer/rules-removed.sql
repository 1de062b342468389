-- Removals (under any envelope or none) of rules on resources where the envelope opened rules.
-- A join on the distinct resources, not IN (subquery): H2 otherwise tests every removal in the
-- history against the subquery instead of looking the resources up in agent_action_resource.
SELECT removal.occurred_at, removal.action_type, removal.resource, removal.protocol, removal.ports, removal.cidr
FROM (SELECT DISTINCT opened.resource FROM agent_action opened
       WHERE opened.envelope_id = :envelope AND opened.action_type IN (<openingTypes>)) touched
JOIN agent_action removal ON removal.resource = touched.resource
WHERE removal.outcome = 'succeeded'
  AND removal.occurred_at < :end
  AND removal.action_type IN (<closingTypes>)
ORDER BY removal.occurred_at, removal.id
