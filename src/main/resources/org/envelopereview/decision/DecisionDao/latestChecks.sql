-- Per recorded decision, the check of the latest completed run that checked it.
SELECT c.record_id, c.envelope_id, c.board_id, c.status, c.detail, r.period
  FROM decision_check c
  JOIN review_run r ON r.id = c.run_id
 WHERE r.status = 'COMPLETED'
   AND NOT EXISTS (SELECT 1
                     FROM decision_check later
                     JOIN review_run lr ON lr.id = later.run_id
                    WHERE later.record_id = c.record_id
                      AND later.envelope_id = c.envelope_id
                      AND lr.status = 'COMPLETED'
                      AND (lr.period_end > r.period_end
                           OR (lr.period_end = r.period_end AND lr.id > r.id)))
