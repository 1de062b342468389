INSERT INTO envelope_snapshot (run_id, file_name, envelope_id, board_id, sha256, valid, content)
VALUES (:runId, :fileName, :envelopeId, :boardId, :sha256, :valid, :content)
