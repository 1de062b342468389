INSERT INTO decision_record (period, period_start, period_end, board_id, run_id, pack_sha256, file_name, file_sha256,
                             content, recorded_at)
VALUES (:period, :periodStart, :periodEnd, :boardId, :runId, :packSha256, :fileName, :fileSha256, :content,
        :recordedAt)
