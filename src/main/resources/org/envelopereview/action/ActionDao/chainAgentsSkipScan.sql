-- The agents, on PostgreSQL: one index descent per agent (15 ms at 1M rows, 50 agents), where DISTINCT
-- reads the whole index (1.3 s). PostgreSQL 15 has no loose index scan for DISTINCT.
WITH RECURSIVE agents (agent) AS (
    (SELECT agent FROM agent_action ORDER BY agent LIMIT 1)
    UNION ALL
    SELECT (SELECT a.agent FROM agent_action a WHERE a.agent > agents.agent ORDER BY a.agent LIMIT 1)
    FROM agents
    WHERE agents.agent IS NOT NULL
)
SELECT agent FROM agents WHERE agent IS NOT NULL
