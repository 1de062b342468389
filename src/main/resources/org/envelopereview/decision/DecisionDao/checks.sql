SELECT c.record_id, c.envelope_id, c.board_id, c.status, c.detail, r.period
  FROM decision_check c
  JOIN review_run r ON r.id = c.run_id
 WHERE c.run_id = :runId AND c.board_id = :board
 ORDER BY c.envelope_id, c.record_id
