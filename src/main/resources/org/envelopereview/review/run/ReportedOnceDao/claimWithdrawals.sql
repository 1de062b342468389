-- Withdrawn sources that no run has reported yet.
UPDATE ingest_withdrawal
SET reported_run_id = :runId
WHERE reported_run_id IS NULL
