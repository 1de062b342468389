-- Takes the attribution back from the principal's provider actions that an agent record now
-- reports (ingested after the provider's): the agent record carries the pair's envelope (SPEC 7).
UPDATE agent_action SET attributed_envelope_id = NULL
WHERE principal = :principal AND envelope_id IS NULL AND attributed_envelope_id IS NOT NULL
  AND provider <> 'agent' AND provider_event_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM agent_action g
              WHERE g.provider_event_id = agent_action.provider_event_id AND g.provider = 'agent'
                AND (g.account IS NULL OR agent_action.account IS NULL OR g.account = agent_action.account))
