SELECT file_name, content FROM envelope_snapshot WHERE run_id = :runId ORDER BY file_name
