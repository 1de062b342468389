DELETE FROM chain_checkpoint WHERE run_id = :runId
