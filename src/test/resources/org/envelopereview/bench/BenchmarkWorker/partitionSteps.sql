-- The evaluate step's partition step executions of a review run (named
-- evaluateActionsPartition:<partition> whether a local thread or a worker process ran them), each
-- with the evaluate step's own start and end.
SELECT p.job_execution_id, p.start_time, p.end_time, p.read_count,
       e.start_time AS evaluate_start, e.end_time AS evaluate_end
FROM batch_step_execution p
JOIN review_run r ON r.job_execution_id = p.job_execution_id
JOIN batch_step_execution e ON e.job_execution_id = p.job_execution_id AND e.step_name = 'evaluateActionsStep'
WHERE r.id = ? AND p.step_name LIKE 'evaluateActionsPartition:%'
ORDER BY p.start_time
