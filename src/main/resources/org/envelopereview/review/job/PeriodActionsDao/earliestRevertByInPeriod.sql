-- The earliest action whose revertBy falls in the period: the evaluation must reach back to it.
SELECT MIN(occurred_at) FROM agent_action WHERE revert_by >= :start AND revert_by < :end
