SELECT COUNT(*) FROM review_chain_break WHERE run_id = :runId
