SELECT file_name, sha256, content, valid, envelope_id, board_id
FROM envelope_snapshot
WHERE run_id = :runId
ORDER BY file_name
