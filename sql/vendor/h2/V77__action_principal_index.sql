-- The attribution step walks the distinct principals (one index seek each) and, per principal,
-- the distinct attributions of the actions that claim no envelope (principal, NULL, ...). H2 has no
-- partial index: rows with no principal are indexed too.
CREATE INDEX agent_action_principal ON agent_action (principal, envelope_id, attributed_envelope_id);
