SELECT agent, seq, kind, action_id, occurred_at, detail FROM review_chain_break WHERE run_id = :runId ORDER BY ordinal
