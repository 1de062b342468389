SELECT finding_key, code, severity, board_id, unassigned, envelope_id, action_id, explanation, evidence, controls
FROM review_finding
WHERE run_id = :runId
ORDER BY finding_key
