-- Rows agent_action held when it was last analysed (-1: never analysed, since PostgreSQL 14).
SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE oid = 'agent_action'::regclass
