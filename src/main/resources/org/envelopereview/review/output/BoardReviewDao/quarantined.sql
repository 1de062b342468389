-- Quarantined input of the period, and the records with no time that this run reports (it claimed
-- them when it started: each is reported by one run only); never those of a withdrawn source.
SELECT source_name, line_number, record_id, occurred_at, reason, raw_text
FROM quarantined_record
WHERE withdrawal_id IS NULL
  AND ((occurred_at >= :start AND occurred_at < :end) OR (occurred_at IS NULL AND reported_run_id = :runId))
ORDER BY source_name, line_number, id
