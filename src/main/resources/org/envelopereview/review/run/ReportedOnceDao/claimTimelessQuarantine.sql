-- Quarantined records with no time, not yet reported by any run and not withdrawn.
UPDATE quarantined_record
SET reported_run_id = :runId
WHERE occurred_at IS NULL AND reported_run_id IS NULL AND withdrawal_id IS NULL
