-- A period with a COMPLETED review of every board is never reviewed again by the scheduler
-- (a run limited by --board does not count).
SELECT count(*) > 0
  FROM review_run
 WHERE period = :period
   AND status = 'COMPLETED'
   AND board_filter IS NULL
