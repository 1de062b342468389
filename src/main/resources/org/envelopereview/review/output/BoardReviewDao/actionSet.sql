-- The period's action set, in the order its digest is computed.
SELECT id, hash FROM agent_action WHERE occurred_at >= :start AND occurred_at < :end ORDER BY occurred_at, id
