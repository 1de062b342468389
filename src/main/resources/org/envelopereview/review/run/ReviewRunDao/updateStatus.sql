UPDATE review_run
SET status = :status, job_execution_id = :jobExecutionId, finished_at = :finishedAt, output_dir = :outputDir
WHERE id = :id
