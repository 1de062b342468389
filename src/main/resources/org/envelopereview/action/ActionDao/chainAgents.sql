-- The agents, on H2: H2 answers DISTINCT on the first column of the (agent, seq) index by skipping
-- through the index (0.6 ms at 1M rows, 50 agents), where the skip-scan below reads every row of each agent.
SELECT DISTINCT agent
FROM agent_action
ORDER BY agent
