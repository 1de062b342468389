SELECT seq, hash
FROM agent_action
WHERE agent = :agent
ORDER BY seq DESC
LIMIT 1
