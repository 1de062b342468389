SELECT agent, seq, hash FROM chain_checkpoint WHERE run_id = :runId
