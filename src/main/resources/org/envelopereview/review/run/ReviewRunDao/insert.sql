INSERT INTO review_run (period, period_start, period_end, run_number, board_filter, status, started_at)
VALUES (:period, :periodStart, :periodEnd, :runNumber, :boardFilter, 'STARTING', :startedAt)
