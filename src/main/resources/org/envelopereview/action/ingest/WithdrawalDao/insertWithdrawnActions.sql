INSERT INTO withdrawn_action (withdrawal_id, action_id, agent, seq, occurred_at, hash, source_line, content)
VALUES (:withdrawalId, :actionId, :agent, :seq, :occurredAt, :hash, :sourceLine, :content)
