-- Tasklet steps rewrite their own codes as a whole, so a re-executed step never keeps stale rows.
DELETE FROM review_finding WHERE run_id = :runId AND code IN (<codes>)
