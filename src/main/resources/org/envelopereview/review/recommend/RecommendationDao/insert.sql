INSERT INTO envelope_recommendation (run_id, envelope_id, board_id, outcome, detail)
VALUES (:runId, :envelopeId, :boardId, :outcome, :detail)
