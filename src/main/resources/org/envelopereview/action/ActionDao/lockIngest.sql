SELECT name FROM ingest_lock WHERE name = 'ingest' FOR UPDATE NOWAIT
