DELETE FROM scope_snapshot WHERE run_id = :runId
