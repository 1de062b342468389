INSERT INTO review_lock (period) VALUES (:period) ON CONFLICT DO NOTHING
