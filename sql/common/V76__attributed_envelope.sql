-- Attribution happens at review time (SPEC 7). attributed_envelope_id is the envelope the review
-- judges an action under: its claim (envelope_id: the record's envelope, a CloudTrail session tag
-- or a configured role mapping; ingest copies it here), else the valid envelope whose `principals`
-- match the action's principal, as the latest review run's envelope files say (the run's
-- attribution step rewrites it). envelope_id stays the claim: it is under the hash chain.
ALTER TABLE agent_action ADD COLUMN attributed_envelope_id VARCHAR(128);
UPDATE agent_action SET attributed_envelope_id = TRIM(envelope_id) WHERE TRIM(envelope_id) <> '';
-- Every per-envelope question of the review (scope exercised, model versions, attempts, rules
-- opened, envelopes used) now asks by the attributed envelope; nothing asks by the claim.
DROP INDEX agent_action_envelope;
CREATE INDEX agent_action_attributed ON agent_action (attributed_envelope_id, occurred_at);
