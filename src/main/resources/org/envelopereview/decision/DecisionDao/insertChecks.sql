INSERT INTO decision_check (run_id, record_id, envelope_id, board_id, status, detail)
VALUES (:runId, :recordId, :envelopeId, :boardId, :status, :detail)
