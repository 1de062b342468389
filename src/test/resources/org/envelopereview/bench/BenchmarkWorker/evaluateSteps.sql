-- The step executions of a review run, to time the evaluate step as Spring Batch recorded it.
SELECT s.step_name, s.read_count, s.write_count, s.start_time, s.end_time
FROM batch_step_execution s
JOIN review_run r ON r.job_execution_id = s.job_execution_id
WHERE r.id = ?
ORDER BY s.step_execution_id
