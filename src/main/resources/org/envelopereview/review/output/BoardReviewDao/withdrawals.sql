-- The withdrawals this run reports (it claimed them when it started).
SELECT source_name, sha256, withdrawn_at, withdrawn_by, reason, actions_removed, quarantined_removed,
    not_reviewed_removed
FROM ingest_withdrawal
WHERE reported_run_id = :runId
ORDER BY withdrawn_at, id
