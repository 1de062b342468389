INSERT INTO not_reviewed_event (ingest_source_id, event_name, event_day, events)
VALUES (:ingestSourceId, :eventName, :eventDay, :events)
