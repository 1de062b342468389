-- Quarantined input of the period; records whose time is unknown are shown in every period.
SELECT source_name, line_number, record_id, occurred_at, reason, raw_text
FROM quarantined_record
WHERE (occurred_at >= :start AND occurred_at < :end) OR occurred_at IS NULL
ORDER BY source_name, line_number, id
