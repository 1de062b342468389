SELECT run_id, rows_checked, verification, full_reason, basis_run_id, basis_sha256, basis_altered, agents,
    agents_from_checkpoint, rows_before_checkpoints, checkpoints, checkpoints_sha256, last_full_run_id, full_every,
    verified_at
FROM review_integrity
WHERE run_id = :runId
