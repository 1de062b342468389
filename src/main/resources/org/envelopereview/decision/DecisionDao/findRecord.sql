SELECT id, period, period_start, period_end, board_id, run_id, pack_sha256, file_name, file_sha256, content,
       recorded_at
  FROM decision_record
 WHERE board_id = :board AND period = :period
