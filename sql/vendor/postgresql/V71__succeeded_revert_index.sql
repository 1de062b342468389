-- The review looks up the first successful revert of each action (evaluate step, open rules).
-- A partial index of successful reverts holding their time answers that from the index alone,
-- and, holding only reverts, costs ingest less than the index on every row's reverts it replaces.
-- H2 has no partial index: it keeps agent_action_reverts.
CREATE INDEX agent_action_succeeded_revert ON agent_action (reverts, occurred_at)
    WHERE outcome = 'succeeded' AND reverts IS NOT NULL;
DROP INDEX agent_action_reverts;
