-- Removals (under any envelope or none) of rules on the resources where the envelope opened rules.
-- Through agent_action_resource_type (V93): one index seek per resource and closing type. Unordered
-- (the timeline sorts removals by time): an ORDER BY occurred_at would draw PostgreSQL to the
-- period index, which walks the whole history.
-- The resources are given, not found by a sub-select: with a join, PostgreSQL's estimate of how
-- many resources an envelope touches can flip the plan to a scan of the whole history per envelope.
-- As a list of parameters, not "= ANY(array)": H2 scans the whole history for the array form.
SELECT removal.occurred_at, removal.action_type, removal.resource, removal.protocol, removal.ports, removal.cidr
FROM agent_action removal
WHERE removal.resource IN (<resources>)
  AND removal.outcome = 'succeeded'
  AND removal.occurred_at < :end
  AND removal.action_type IN (<closingTypes>)
