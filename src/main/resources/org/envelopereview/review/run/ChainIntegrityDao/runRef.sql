SELECT r.id AS run_id, r.period, r.run_number, i.verified_at
FROM review_run r
LEFT JOIN review_integrity i ON i.run_id = r.id
WHERE r.id = :runId
