-- Issue 17: a run costs what its period costs. After a run has walked an agent's hash chain without
-- a break, the chain's last row (seq, hash) becomes that agent's checkpoint; the next run verifies
-- the agent from its checkpoint row on instead of from seq 1. Each run that verifies the chains
-- writes a set of its own (one row per agent it found intact), so a restarted or concurrent run
-- never overwrites another run's set, and an auditor can compare the set a pack says it started
-- from with the set the previous pack says it wrote (both carry its SHA-256).
CREATE TABLE chain_checkpoint (
    run_id       BIGINT        NOT NULL REFERENCES review_run (id),
    agent        VARCHAR(256)  NOT NULL,
    seq          BIGINT        NOT NULL,
    hash         CHAR(64)      NOT NULL,
    verified_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, agent)
);

-- What a run's chain verification covered, for its packs: full (and why) or from the checkpoints
-- of an earlier run, what it did not re-read, the set it wrote and the last full verification.
-- NULL in runs made before checkpoints existed.
ALTER TABLE review_integrity ADD COLUMN verification VARCHAR(20);
ALTER TABLE review_integrity ADD COLUMN full_reason VARCHAR(32);
ALTER TABLE review_integrity ADD COLUMN basis_run_id BIGINT;
ALTER TABLE review_integrity ADD COLUMN basis_sha256 CHAR(64);
ALTER TABLE review_integrity ADD COLUMN basis_altered BOOLEAN;
ALTER TABLE review_integrity ADD COLUMN agents BIGINT;
ALTER TABLE review_integrity ADD COLUMN agents_from_checkpoint BIGINT;
ALTER TABLE review_integrity ADD COLUMN rows_before_checkpoints BIGINT;
ALTER TABLE review_integrity ADD COLUMN checkpoints BIGINT;
ALTER TABLE review_integrity ADD COLUMN checkpoints_sha256 CHAR(64);
ALTER TABLE review_integrity ADD COLUMN last_full_run_id BIGINT;
ALTER TABLE review_integrity ADD COLUMN full_every INTEGER;
ALTER TABLE review_integrity ADD COLUMN verified_at TIMESTAMP WITH TIME ZONE;

-- Each agent's latest checkpoint of any run: a walk checks that its row still has its hash.
CREATE INDEX chain_checkpoint_agent ON chain_checkpoint (agent, run_id);
