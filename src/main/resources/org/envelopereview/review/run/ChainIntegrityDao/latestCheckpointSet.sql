SELECT run_id, checkpoints_sha256
FROM review_integrity
WHERE checkpoints_sha256 IS NOT NULL AND run_id <> :runId
ORDER BY run_id DESC
LIMIT 1
