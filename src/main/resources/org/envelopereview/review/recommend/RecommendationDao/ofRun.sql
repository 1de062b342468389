-- The run's recommendations, by envelope id.
SELECT envelope_id, board_id, outcome, detail
FROM envelope_recommendation
WHERE run_id = :runId
ORDER BY envelope_id
