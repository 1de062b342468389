DELETE FROM envelope_recommendation WHERE run_id = :runId
