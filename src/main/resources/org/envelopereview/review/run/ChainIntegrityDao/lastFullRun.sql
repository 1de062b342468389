SELECT run_id
FROM review_integrity
WHERE verification = 'full' AND run_id <> :runId
ORDER BY run_id DESC
LIMIT 1
