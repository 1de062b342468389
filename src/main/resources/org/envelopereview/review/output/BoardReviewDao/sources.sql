-- Every source file that contributed to the review: actions of the period, quarantined records the
-- packs show, write events not reviewed of the period's days. Withdrawn sources contribute nothing.
SELECT s.source_name AS name, s.sha256,
    COALESCE(a.n, 0) AS actions, COALESCE(q.n, 0) AS quarantined, COALESCE(r.n, 0) AS not_reviewed
FROM ingest_source s
LEFT JOIN (
    SELECT ingest_source_id, COUNT(*) AS n
    FROM agent_action
    WHERE occurred_at >= :start AND occurred_at < :end
    GROUP BY ingest_source_id
) a ON a.ingest_source_id = s.id
LEFT JOIN (
    SELECT ingest_source_id, COUNT(*) AS n
    FROM quarantined_record
    WHERE withdrawal_id IS NULL
      AND ((occurred_at >= :start AND occurred_at < :end) OR (occurred_at IS NULL AND reported_run_id = :runId))
    GROUP BY ingest_source_id
) q ON q.ingest_source_id = s.id
LEFT JOIN (
    SELECT ingest_source_id, SUM(events) AS n
    FROM not_reviewed_event
    WHERE event_day >= :startDay AND event_day < :endDay
    GROUP BY ingest_source_id
) r ON r.ingest_source_id = s.id
WHERE s.withdrawal_id IS NULL AND (a.n IS NOT NULL OR q.n IS NOT NULL OR r.n IS NOT NULL)
ORDER BY s.source_name, s.id
