INSERT INTO envelope_snapshot (run_id, file_name, envelope_id, board_id, sha256, valid, content)
VALUES (:runId, :file.fileName, :file.envelopeId, :file.boardId, :file.sha256, :file.valid, :file.content)
