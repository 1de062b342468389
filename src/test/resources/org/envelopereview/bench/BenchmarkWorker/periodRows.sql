-- The actions of the reviewed period.
SELECT COUNT(*) FROM agent_action WHERE occurred_at >= ? AND occurred_at < ?
