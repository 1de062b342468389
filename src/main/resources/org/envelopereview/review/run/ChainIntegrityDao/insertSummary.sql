INSERT INTO review_integrity (run_id, rows_checked) VALUES (:runId, :rowsChecked)
