INSERT INTO review_chain_break (run_id, ordinal, agent, seq, kind, action_id, occurred_at, detail)
VALUES (:runId, :ordinal, :agent, :seq, :kind, :actionId, :occurredAt, :detail)
