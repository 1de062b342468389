-- Every period with a completed review run, latest first.
SELECT period, MIN(period_start) AS period_start, MIN(period_end) AS period_end
  FROM review_run
 WHERE status = 'COMPLETED'
 GROUP BY period
 ORDER BY MIN(period_end) DESC, period
