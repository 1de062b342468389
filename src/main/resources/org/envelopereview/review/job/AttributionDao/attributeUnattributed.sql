-- A provider's action that an agent record reports (SPEC 7: one action) is never attributed: the
-- agent record carries the pair's envelope, and the pair counts once in every measurement.
-- Attributes the principal's actions that claim no envelope and are attributed to none yet.
UPDATE agent_action SET attributed_envelope_id = :envelope
WHERE principal = :principal AND envelope_id IS NULL AND attributed_envelope_id IS NULL
  AND (provider = 'agent' OR provider_event_id IS NULL OR NOT EXISTS (SELECT 1 FROM agent_action g
         WHERE g.provider_event_id = agent_action.provider_event_id AND g.provider = 'agent'
           AND (g.account IS NULL OR agent_action.account IS NULL OR g.account = agent_action.account)))
