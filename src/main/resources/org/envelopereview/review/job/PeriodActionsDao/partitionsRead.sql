-- Actions read so far by the evaluate step's partitions of one job execution (Spring Batch's table,
-- read only): the manager's progress when the partitions run on worker processes.
SELECT COALESCE(SUM(read_count), 0)
  FROM batch_step_execution
 WHERE job_execution_id = :jobExecutionId
   AND step_name LIKE 'evaluateActionsPartition:%'
