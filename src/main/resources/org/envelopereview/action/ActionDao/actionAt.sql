SELECT id
FROM agent_action
WHERE agent = :agent AND seq = :seq
