-- Who recorded an action and as whom it was made (SPEC 7): the agent's own log ('agent') or a
-- provider's audit log ('aws', ...), the provider's actor (role or user ARN), the account, the
-- provider's event id (on an agent's record: the event that recorded its change), and as evidence
-- the client and address the provider saw. Attribution to envelopes by principal happens at review
-- time, from these columns.
ALTER TABLE agent_action ADD COLUMN provider VARCHAR(16) DEFAULT 'agent' NOT NULL;
ALTER TABLE agent_action ADD COLUMN principal VARCHAR(512);
ALTER TABLE agent_action ADD COLUMN account VARCHAR(64);
ALTER TABLE agent_action ADD COLUMN provider_event_id VARCHAR(200);
ALTER TABLE agent_action ADD COLUMN user_agent VARCHAR(1024);
ALTER TABLE agent_action ADD COLUMN source_ip VARCHAR(64);

-- Actions ingested from CloudTrail before this column existed.
UPDATE agent_action SET provider = 'aws'
WHERE ingest_source_id IN (SELECT id FROM ingest_source WHERE source_format = 'cloudtrail');
