SELECT id, period, run_number
  FROM review_run
 WHERE period = :period AND run_number = :runNumber AND status = 'COMPLETED'
