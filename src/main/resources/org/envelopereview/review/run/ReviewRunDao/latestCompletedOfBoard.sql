-- The latest completed run of the period that reviewed the board: a run of every board, or of it alone.
SELECT id
FROM review_run
WHERE period = :period
  AND status = 'COMPLETED'
  AND (board_filter IS NULL OR board_filter = :board)
ORDER BY run_number DESC
LIMIT 1
