-- The ingest baselines' targets: a plain table (no index, no key) and one with every index and key
-- of agent_action, as the issue's baseline and as the floor the schema itself sets.
CREATE TABLE IF NOT EXISTS bench_copy_target (LIKE agent_action INCLUDING DEFAULTS);
CREATE TABLE IF NOT EXISTS bench_copy_indexed (LIKE agent_action INCLUDING ALL)
