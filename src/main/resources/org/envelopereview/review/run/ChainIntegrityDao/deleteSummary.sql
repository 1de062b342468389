DELETE FROM review_integrity WHERE run_id = :runId
