-- The envelope's measurement per period (latest completed run of each, or the given run), oldest first.
SELECT s.period, s.action_count, s.action_types, s.resources, s.ipv4_addresses, s.ipv6_addresses, s.ports,
       s.regions, s.agents, s.open_rules_start, s.open_rules_end, s.open_rules_peak, r.period_start, r.run_number
FROM scope_snapshot s
JOIN review_run r ON r.id = s.run_id
WHERE s.envelope_id = :envelope
  AND (r.id = :runId OR (r.status = 'COMPLETED' AND r.period <> :period AND r.period_start < :periodStart))
ORDER BY r.period_start, s.period, r.run_number
