-- The attribution step walks the distinct principals (one index seek each) and, per principal,
-- the distinct attributions of the actions that claim no envelope (principal, NULL, ...). Partial:
-- an agent's own records mostly carry no principal, and ingest then pays nothing for this index.
CREATE INDEX agent_action_principal ON agent_action (principal, envelope_id, attributed_envelope_id)
    WHERE principal IS NOT NULL;
