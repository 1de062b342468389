-- Reliability (Task F): one process reviews a period at a time. The process holds its period's
-- row locked while it runs; the lock ends with its connection, so a run whose row is free
-- but whose job is still marked running was left by a process that died.
CREATE TABLE review_lock (
    period  VARCHAR(64) PRIMARY KEY
);
