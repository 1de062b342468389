-- What the run's chain verification read, and the whole stored history beside it.
SELECT i.rows_checked, i.verification, (SELECT COUNT(*) FROM agent_action) AS history
FROM review_integrity i
WHERE i.run_id = ?
