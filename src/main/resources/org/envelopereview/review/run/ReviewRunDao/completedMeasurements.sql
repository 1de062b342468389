-- completedMeasurement.sql for every envelope at once: each envelope's measurements in the given
-- period by completed runs, its latest run's first.
SELECT s.envelope_id, s.period, s.action_count, s.action_types, s.resources, s.ipv4_addresses,
       s.ipv6_addresses, s.ports, s.regions, s.agents, s.open_rules_start, s.open_rules_end,
       s.open_rules_peak
FROM scope_snapshot s
JOIN review_run r ON r.id = s.run_id
WHERE s.period = :period AND r.status = 'COMPLETED'
ORDER BY s.envelope_id, r.run_number DESC
