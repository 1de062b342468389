-- agent_action.ingest_source_id names the ingest that stored the row. As a foreign key it cost
-- PostgreSQL a look-up and a row lock on ingest_source for every action, a third of the time of a
-- bulk load; ingest writes the source row in a committed transaction of its own before any action
-- refers to it, and nothing deletes sources. H2 checks it in-process and keeps the key.
ALTER TABLE agent_action DROP CONSTRAINT agent_action_ingest_source_id_fkey;
