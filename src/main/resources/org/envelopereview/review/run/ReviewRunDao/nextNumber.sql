SELECT COALESCE(MAX(run_number), 0) + 1 FROM review_run WHERE period = :period
