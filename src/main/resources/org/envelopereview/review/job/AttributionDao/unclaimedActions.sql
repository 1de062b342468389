-- The principal's actions that claim no envelope, with what their scope fit depends on, when
-- several envelopes name the principal and each action goes to the one it fits best.
SELECT id, action_type, resource, region, protocol, ports, cidr, attributed_envelope_id
FROM agent_action
WHERE principal = :principal AND envelope_id IS NULL
  AND (provider = 'agent' OR provider_event_id IS NULL OR NOT EXISTS (SELECT 1 FROM agent_action g
         WHERE g.provider_event_id = agent_action.provider_event_id AND g.provider = 'agent'
           AND (g.account IS NULL OR agent_action.account IS NULL OR g.account = agent_action.account)))
