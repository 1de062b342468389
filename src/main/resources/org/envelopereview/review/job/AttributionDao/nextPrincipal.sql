-- The first principal after :after in the stored history: one seek of agent_action_principal, so
-- walking the distinct principals costs one look-up each, however many actions they made.
SELECT MIN(principal) FROM agent_action WHERE principal > :after
