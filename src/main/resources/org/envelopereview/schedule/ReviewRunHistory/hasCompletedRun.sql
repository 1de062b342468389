-- A period with a COMPLETED run is never reviewed again by the scheduler.
SELECT count(*) > 0
  FROM review_run
 WHERE period = :period
   AND status = 'COMPLETED'
