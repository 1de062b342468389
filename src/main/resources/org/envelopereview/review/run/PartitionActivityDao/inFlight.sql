-- The evaluate step's partitions being worked on now (Spring Batch's tables, read only): started or
-- waiting for a worker, in a job execution that is itself running.
SELECT p.parameter_value AS period,
       s.job_execution_id,
       s.step_execution_id,
       s.step_name,
       s.status,
       s.read_count,
       s.commit_count,
       s.last_updated
  FROM batch_step_execution s
  JOIN batch_job_execution j ON j.job_execution_id = s.job_execution_id
  LEFT JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
   AND p.parameter_name = 'period'
 WHERE s.step_name LIKE 'evaluateActionsPartition:%'
   AND s.status IN ('STARTING', 'STARTED')
   AND j.status IN ('STARTING', 'STARTED')
 ORDER BY s.job_execution_id, s.step_name
