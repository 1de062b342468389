SELECT COUNT(*) FROM agent_action WHERE occurred_at >= :start AND occurred_at < :end
