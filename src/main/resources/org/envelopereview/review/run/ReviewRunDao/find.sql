SELECT id, period, period_start, period_end, run_number, board_filter, status, job_execution_id
FROM review_run
WHERE id = :id
