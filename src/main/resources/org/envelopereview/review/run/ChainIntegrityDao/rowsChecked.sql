SELECT rows_checked FROM review_integrity WHERE run_id = :runId
