-- The latest completed run of the period that reviewed the board (a run limited to another
-- board did not).
SELECT id, period, run_number
  FROM review_run
 WHERE period = :period
   AND status = 'COMPLETED'
   AND (board_filter IS NULL OR board_filter = :board)
 ORDER BY run_number DESC
 LIMIT 1
