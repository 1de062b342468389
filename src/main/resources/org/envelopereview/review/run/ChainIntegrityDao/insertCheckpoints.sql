INSERT INTO chain_checkpoint (run_id, agent, seq, hash, verified_at) VALUES (:runId, :agent, :seq, :hash, :verifiedAt)
