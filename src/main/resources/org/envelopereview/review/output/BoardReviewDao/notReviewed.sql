-- Provider write events no rule covers, of the period's days, by event name; none of a withdrawn source.
SELECT n.event_name, SUM(n.events) AS events, MIN(n.event_day) AS first_day, MAX(n.event_day) AS last_day
FROM not_reviewed_event n
JOIN ingest_source s ON s.id = n.ingest_source_id
WHERE s.withdrawal_id IS NULL AND n.event_day >= :startDay AND n.event_day < :endDay
GROUP BY n.event_name
ORDER BY n.event_name
