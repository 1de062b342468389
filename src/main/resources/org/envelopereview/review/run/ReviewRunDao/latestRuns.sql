SELECT id, period, run_number, status, started_at, finished_at, output_dir
  FROM review_run
 ORDER BY started_at DESC, id DESC
 LIMIT :limit
