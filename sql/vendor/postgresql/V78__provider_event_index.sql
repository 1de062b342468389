-- One action, judged once (SPEC 7): the review pairs a provider's event with the agent record
-- that names it by provider_event_id, and an agent's claim is checked against the provider events
-- quarantined under that id. Both look-ups go through these indexes, once per action read. Only
-- rows that name an event are indexed: a native history without event ids costs ingest nothing.
CREATE INDEX agent_action_provider_event ON agent_action (provider_event_id, provider, id)
    WHERE provider_event_id IS NOT NULL;
CREATE INDEX quarantined_record_record_id ON quarantined_record (record_id)
    WHERE record_id IS NOT NULL;
