-- One action, judged once (SPEC 7): the review pairs a provider's event with the agent record
-- that names it by provider_event_id, and an agent's claim is checked against the provider events
-- quarantined under that id. Both look-ups go through these indexes, once per action read. H2 has
-- no partial index: the first indexes every row.
CREATE INDEX agent_action_provider_event ON agent_action (provider_event_id, provider, id);
CREATE INDEX quarantined_record_record_id ON quarantined_record (record_id);
