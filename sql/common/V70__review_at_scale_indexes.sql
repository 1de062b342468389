-- Task G (benchmarks at scale): the assess step asks, per envelope, for removals on the
-- resources it opened rules on and for the first appearance of each model version. Without
-- these indexes each question scans the whole action history: O(envelopes x actions),
-- about 50 minutes for 1,000 envelopes over 100,000 actions on PostgreSQL.
CREATE INDEX agent_action_resource ON agent_action (resource, occurred_at);
CREATE INDEX agent_action_model_version ON agent_action (model_version, occurred_at);
