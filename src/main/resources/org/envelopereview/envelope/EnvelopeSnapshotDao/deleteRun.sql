DELETE FROM envelope_snapshot WHERE run_id = :runId
