-- Every recorded decision with its file's period, board and digests, oldest period first.
SELECT d.record_id, r.period, r.period_end, r.board_id, r.run_id, d.envelope_id, d.decision, d.decided_by,
       d.decided_at, d.due_date, d.justification, d.required_change, d.line_number, r.recorded_at,
       r.file_sha256, r.pack_sha256
  FROM board_decision d
  JOIN decision_record r ON r.id = d.record_id
 WHERE CAST(:board AS VARCHAR(64)) IS NULL OR r.board_id = :board
 ORDER BY r.period_end, r.board_id, d.envelope_id
