SELECT COUNT(*)
FROM review_integrity
WHERE verification IS NOT NULL AND run_id > :since AND run_id <> :runId
