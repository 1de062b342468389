-- The occurred_at of the action at a given position of the range, in the evaluate step's order: a
-- bound between two partitions of about equal size.
SELECT occurred_at FROM agent_action
WHERE occurred_at >= :from AND occurred_at < :to
ORDER BY occurred_at, id
OFFSET :offset ROWS FETCH FIRST 1 ROW ONLY
