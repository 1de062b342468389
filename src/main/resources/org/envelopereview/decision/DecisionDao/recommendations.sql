-- What the run recommended for the board's envelopes (SPEC §9), for the template's suggested answers.
SELECT envelope_id, outcome, detail
FROM envelope_recommendation
WHERE run_id = :runId AND board_id = :board
ORDER BY envelope_id
