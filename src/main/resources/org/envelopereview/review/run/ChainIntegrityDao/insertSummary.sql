INSERT INTO review_integrity (run_id, rows_checked, verification, full_reason, basis_run_id, basis_sha256, basis_altered,
    agents, agents_from_checkpoint, rows_before_checkpoints, checkpoints, checkpoints_sha256, last_full_run_id,
    full_every, verified_at)
VALUES (:runId, :rowsChecked, :verification, :fullReason, :basisRunId, :basisSha256, :basisAltered,
    :agents, :agentsFromCheckpoint, :rowsBeforeCheckpoints, :checkpoints, :checkpointsSha256, :lastFullRunId,
    :fullEvery, :verifiedAt)
