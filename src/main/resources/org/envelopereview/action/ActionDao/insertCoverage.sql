INSERT INTO provider_coverage (ingest_source_id, provider, account, region, first_at, last_at, events)
VALUES (:ingestSourceId, :provider, :account, :region, :firstAt, :lastAt, :events)
