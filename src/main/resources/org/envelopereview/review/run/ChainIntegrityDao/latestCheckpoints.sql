SELECT c.agent, c.seq, c.hash
FROM chain_checkpoint c
WHERE c.run_id = (SELECT MAX(l.run_id) FROM chain_checkpoint l WHERE l.agent = c.agent AND l.run_id <> :runId)
