-- The first and last occurred_at of the actions the evaluate step reads: two look-ups at the ends
-- of the (occurred_at, id) index. Both NULL when there are none.
SELECT MIN(occurred_at) AS first_at, MAX(occurred_at) AS last_at FROM agent_action
WHERE occurred_at >= :from AND occurred_at < :to
