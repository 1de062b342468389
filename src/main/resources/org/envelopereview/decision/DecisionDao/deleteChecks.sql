DELETE FROM decision_check WHERE run_id = :runId
