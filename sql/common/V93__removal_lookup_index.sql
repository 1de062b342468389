-- The assess step asks, per envelope, for the removals of rules (closing action types) on the
-- resources where it opened rules. On (resource, occurred_at) that read every action on those
-- resources and fetched each row to check its type: at 10M actions, reading most of the table at
-- random. With the type in the key the look-up seeks each (resource, closing type) and reads
-- only removals. No other query uses the index.
DROP INDEX agent_action_resource;
CREATE INDEX agent_action_resource_type ON agent_action (resource, action_type, occurred_at);
