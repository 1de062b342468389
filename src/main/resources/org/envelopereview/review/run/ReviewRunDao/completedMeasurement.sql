-- The measurement of the envelope in the given period by the latest completed run of that period.
SELECT s.period, s.action_count, s.action_types, s.resources, s.ipv4_addresses, s.ipv6_addresses, s.ports,
       s.regions, s.agents, s.open_rules_start, s.open_rules_end, s.open_rules_peak
FROM scope_snapshot s
JOIN review_run r ON r.id = s.run_id
WHERE s.envelope_id = :envelope AND s.period = :period AND r.status = 'COMPLETED'
ORDER BY r.run_number DESC
LIMIT 1
