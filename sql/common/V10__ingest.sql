-- Ingest bookkeeping beyond the core schema (Task B: action history ingest).

-- What the ingest summary reports per file, kept with the file's row.
ALTER TABLE ingest_source ADD COLUMN failed_attempts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ingest_source ADD COLUMN chain_breaks BIGINT NOT NULL DEFAULT 0;
-- Skipped CloudTrail event names with their counts, e.g. "AssumeRole=3, DescribeInstances=12".
ALTER TABLE ingest_source ADD COLUMN skipped_names VARCHAR(4000);

-- Re-ingesting a file must not quarantine the same bad record twice: the digest of the raw
-- text identifies it together with its source and line.
ALTER TABLE quarantined_record ADD COLUMN raw_sha256 CHAR(64);
CREATE INDEX quarantined_record_source ON quarantined_record (source_name, line_number);

-- Ingest runs one process at a time: the process holds this row locked while it writes.
CREATE TABLE ingest_lock (
    name  VARCHAR(32) PRIMARY KEY
);
INSERT INTO ingest_lock (name) VALUES ('ingest');
